import type { NextRequest } from "next/server";
import { handleAuthRequest, type AuthRouteContext } from "@/lib/server/auth/handle-auth-request";

export function GET(req: NextRequest, context: AuthRouteContext): Promise<Response> {
  return handleAuthRequest(req, context);
}

export function POST(req: NextRequest, context: AuthRouteContext): Promise<Response> {
  return handleAuthRequest(req, context);
}
