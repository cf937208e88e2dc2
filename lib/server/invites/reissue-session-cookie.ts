import "server-only";
import { encode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

/**
 * How long a re-issued session lasts: next-auth's `session.maxAge` in auth-options.ts (a test holds them equal). Not read
 * from there: the API server's bundle must not load next-auth's providers, which only Next.js resolves.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * The Set-Cookie line that keeps the current browser signed in after its member's sessions were ended (a password
 * change): the same session token with the new session version, under next-auth's cookie name and attributes.
 */
export async function reissueSessionCookie(req: NextRequest, sessionVersion: number): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  const current = await getToken({ req, secret });
  if (!current || secret === undefined) return null;
  const maxAge = SESSION_MAX_AGE_SECONDS;
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const value = await encode({ token: { ...current, sessionVersion }, secret, maxAge });
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${name}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
