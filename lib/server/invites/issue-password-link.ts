import "server-only";
import type { PasswordLinkIssued, PasswordLinkKind } from "@/lib/schemas/invite";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { assertMayHandOutLink } from "@/lib/server/invites/assert-may-hand-out-link";
import { assertPasswordSignIn } from "@/lib/server/invites/assert-password-sign-in";
import { lockMemberForLink } from "@/lib/server/invites/lock-member-for-link";
import { passwordLinkUrl } from "@/lib/server/invites/password-link-url";
import { sendPasswordLinkEmail } from "@/lib/server/invites/send-password-link-email";
import { storePasswordLink } from "@/lib/server/invites/store-password-link";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

const DESCRIPTIONS: Record<PasswordLinkKind, (email: string) => string> = {
  invite: (email) => `Issued a new invite link for ${email}; the previous link no longer works`,
  reset: (email) => `Issued a password reset link for ${email}`,
};

/**
 * A new invite link for a pending member, or a reset link for a member with a password (see assertMayHandOutLink for who
 * may). Any link the member had stops working. The link is returned once and emailed when SMTP is configured; the audit
 * entry never holds it. A member the caller may not view is a 404 like an unknown id.
 */
export async function issuePasswordLink(
  principal: Principal,
  memberId: string,
  kind: PasswordLinkKind,
  baseUrl: string,
): Promise<PasswordLinkIssued> {
  await getMemberOrThrow(principal, memberId);
  if (kind === "reset") assertPasswordSignIn();
  const { email, secret, expiresAt } = await runTransaction(async (tx) => {
    const member = await lockMemberForLink(tx, memberId);
    await assertMayHandOutLink(tx, principal, member, kind);
    const stored = await storePasswordLink(tx, member.id, kind);
    await recordAuditEntry(tx, principal, {
      kind: "member",
      name: member.email,
      description: DESCRIPTIONS[kind](member.email),
      action: kind === "invite" ? "createMember" : "updateMemberRole",
      target: memberResource(member.id),
    });
    return { email: member.email, ...stored };
  });
  const url = passwordLinkUrl(baseUrl, kind, secret);
  const emailed = await sendPasswordLinkEmail({ to: email, kind, url, expiresAt });
  return { memberId, email, kind, url, expiresAt: expiresAt.getTime(), emailed };
}
