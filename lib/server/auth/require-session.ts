import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/server/auth/auth-options";
import { resolveMemberPrincipal } from "@/lib/server/auth/resolve-member-principal";

/** For dashboard pages: the signed-in member's principal, or a redirect to the sign-in page. */
export async function requireSession() {
  const session = await getServerSession(authOptions());
  const memberId = session?.user?.id;
  const principal = memberId ? await resolveMemberPrincipal(memberId) : null;
  if (!principal) redirect("/login");
  return principal;
}
