import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/server/auth/auth-options";
import { resolveSessionPrincipal } from "@/lib/server/auth/resolve-session-principal";

/** For dashboard pages: the signed-in member's principal, or a redirect to the sign-in page (also for an ended session). */
export async function requireSession() {
  const session = await getServerSession(authOptions());
  const principal = await resolveSessionPrincipal({
    sub: session?.user?.id,
    sessionVersion: session?.user?.sessionVersion,
  });
  if (!principal) redirect("/login");
  return principal;
}
