import "server-only";
import { INVALID_LINK_MESSAGE, type PasswordLinkRedeem } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { endMemberSessions } from "@/lib/server/auth/end-member-sessions";
import { findUsablePasswordLink } from "@/lib/server/invites/find-usable-password-link";
import { hashLinkSecret } from "@/lib/server/invites/hash-link-secret";
import { hashMemberPassword } from "@/lib/server/invites/hash-member-password";
import { assertPasswordSignIn } from "@/lib/server/invites/assert-password-sign-in";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/**
 * Sets a member's password through an invite or reset link, once: the link is deleted in the same transaction (a second
 * use, even a concurrent one, finds nothing), every session of the member ends, and the email's failed sign-ins are
 * forgotten. Any link that cannot be used is the same 404 as an unknown one. Audited as the member, never with the secret.
 */
export async function redeemPasswordLink(input: PasswordLinkRedeem): Promise<{ email: string }> {
  assertPasswordSignIn();
  const invalid = () => new ApiError("not_found", INVALID_LINK_MESSAGE);
  const link = await findUsablePasswordLink(input.secret);
  if (!link) throw invalid();
  const passwordHash = await hashMemberPassword(input.password);
  await runTransaction(async (tx) => {
    const { count } = await tx.passwordLink.deleteMany({
      where: { secretHash: hashLinkSecret(input.secret), expiresAt: { gt: new Date() } },
    });
    if (count === 0) throw invalid();
    const member = await tx.member.findUnique({ where: { id: link.memberId } });
    if (!member || (link.kind === "invite") !== (member.passwordHash === null)) throw invalid();
    await tx.member.update({ where: { id: member.id }, data: { passwordHash } });
    await endMemberSessions(tx, member.id);
    await tx.signInThrottle.deleteMany({ where: { email: member.email } });
    await recordAuditEntry(
      tx,
      null,
      {
        kind: "member",
        name: member.email,
        description:
          link.kind === "invite"
            ? `${member.email} accepted their invite and set a password`
            : `${member.email} set a new password with a reset link`,
        action: link.kind === "invite" ? "acceptInvite" : "resetPassword",
        target: memberResource(member.id),
      },
      member.email,
    );
  });
  return { email: link.email };
}
