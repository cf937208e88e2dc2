import "server-only";
import type { PasswordLinkKind } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { assertMayHandOutLink } from "@/lib/server/invites/assert-may-hand-out-link";
import { lockMemberForLink } from "@/lib/server/invites/lock-member-for-link";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/**
 * Revokes an invite (`deleteMember`: the pending member goes, and its link with it; 409 for a member who has accepted) or
 * a reset link (as issuing one needs; 404 when the member has none). Either way the link answers as an unknown one from
 * then on. A member the caller may not view is a 404 like an unknown id.
 */
export async function revokePasswordLink(
  principal: Principal,
  memberId: string,
  kind: PasswordLinkKind,
): Promise<void> {
  await getMemberOrThrow(principal, memberId);
  await runTransaction(async (tx) => {
    const member = await lockMemberForLink(tx, memberId);
    const target = memberResource(member.id);
    if (kind === "invite") {
      assertAccess(principal, "deleteMember", target);
      if (member.passwordHash !== null)
        throw new ApiError(
          "conflict",
          `${member.email} has accepted their invite; remove the member instead`,
        );
      await tx.member.delete({ where: { id: member.id } });
      await recordAuditEntry(tx, principal, {
        kind: "member",
        name: member.email,
        description: `Revoked the invite of ${member.email}`,
        action: "deleteMember",
        target,
        previous: memberAuditVersion(member),
      });
      return;
    }
    await assertMayHandOutLink(tx, principal, member, "reset");
    const { count } = await tx.passwordLink.deleteMany({ where: { memberId: member.id, kind: "reset" } });
    if (count === 0) throw new ApiError("not_found", `${member.email} has no password reset link`);
    await recordAuditEntry(tx, principal, {
      kind: "member",
      name: member.email,
      description: `Revoked the password reset link of ${member.email}`,
      action: "updateMemberRole",
      target,
    });
  });
}
