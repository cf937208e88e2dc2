import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER } from "@/lib/requested-path-header";
import { authOptions } from "@/lib/server/auth/auth-options";
import { resolveSessionPrincipal } from "@/lib/server/auth/resolve-session-principal";

/** The sign-in page, with the page asked for as `callbackUrl` (the sign-in page honours only paths on this origin). */
async function signInUrl() {
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  return requested ? `/login?${new URLSearchParams({ callbackUrl: requested }).toString()}` : "/login";
}

/** For dashboard pages: the signed-in member's principal, or a redirect to the sign-in page (also for an ended session). */
export async function requireSession() {
  const session = await getServerSession(authOptions());
  const principal = await resolveSessionPrincipal({
    sub: session?.user?.id,
    sessionVersion: session?.user?.sessionVersion,
  });
  if (!principal) redirect(await signInUrl());
  return principal;
}
