import "server-only";
import { encode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { authOptions } from "@/lib/server/auth/auth-options";

/**
 * The Set-Cookie line that keeps the current browser signed in after its member's sessions were ended (a password
 * change): the same session token with the new session version, under next-auth's cookie name and attributes.
 */
export async function reissueSessionCookie(req: NextRequest, sessionVersion: number): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  const current = await getToken({ req, secret });
  if (!current || secret === undefined) return null;
  const maxAge = authOptions().session?.maxAge ?? 0;
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const value = await encode({ token: { ...current, sessionVersion }, secret, maxAge });
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${name}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
