import "server-only";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import type { ApiRequest } from "@/lib/server/api/handler";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { resolveSessionPrincipal } from "@/lib/server/auth/resolve-session-principal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function presentedToken(req: ApiRequest): string | null {
  const header = req.headers.get("authorization");
  if (header === null) return null;
  const value = header.replace(/^Bearer\s+/i, "").trim();
  return value;
}

/** A cookie-authenticated write must come from our own origin (CSRF); tokens are not sent by browsers on their own. */
function assertSameOrigin(req: ApiRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  if (origin) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== host) {
      throw new ApiError("forbidden", "Cross-site request refused: a session may only write from this site");
    }
  } else if (fetchSite === "cross-site") {
    throw new ApiError("forbidden", "Cross-site request refused: a session may only write from this site");
  }
}

/** Token in the Authorization header (with or without "Bearer"), else the dashboard session cookie. */
export async function authenticateRequest(req: ApiRequest): Promise<Principal> {
  const token = presentedToken(req);
  if (token !== null) {
    if (token === "") throw new ApiError("unauthorized", "The Authorization header is empty");
    const principal = await resolveTokenPrincipal(token);
    if (!principal) throw new ApiError("unauthorized", "Invalid access token");
    return principal;
  }
  // next-auth reads the session cookie from a NextRequest; the web server's stand-in (a GET, no body) becomes one here.
  const nextRequest =
    req instanceof NextRequest ? req : new NextRequest(req.url, { method: req.method, headers: req.headers });
  const session = await getToken({ req: nextRequest, secret: env().NEXTAUTH_SECRET });
  if (!session?.sub)
    throw new ApiError("unauthorized", "Missing access token: send it in the Authorization header");
  assertSameOrigin(req);
  const principal = await resolveSessionPrincipal(session);
  if (!principal) throw new ApiError("unauthorized", "Your session has ended; sign in again");
  return principal;
}
