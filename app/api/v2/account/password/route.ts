import { NextRequest } from "next/server";
import { apiHandler } from "@/lib/server/api/handler";
import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { changePassword } from "@/lib/server/invites/change-password";
import { reissueSessionCookie } from "@/lib/server/invites/reissue-session-cookie";

export const POST = apiHandler(
  async ({ req, principal }) => {
    const { sessionVersion } = await changePassword(principal, await readJsonBody(req));
    const response = new Response(null, { status: 204 });
    // Every other session has ended; this one goes on with the new session version.
    const request = req instanceof NextRequest ? req : new NextRequest(req.url, { headers: req.headers });
    const cookie = await reissueSessionCookie(request, sessionVersion);
    if (cookie !== null) response.headers.set("Set-Cookie", cookie);
    return response;
  },
  { route: "POST /api/v2/account/password" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/account/password", [
  "POST",
]);
