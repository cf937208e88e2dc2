import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context): Promise<Response> {
  const nextAuth = NextAuth(authOptions()) as (req: NextRequest, context: Context) => Promise<Response>;
  return nextAuth(req, context);
}

export { handler as GET, handler as POST };
