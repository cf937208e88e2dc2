import "server-only";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { MEMBER_INCLUDE } from "@/lib/server/members/serialize-member";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockMemberAndOwner } from "@/lib/server/row-locks/lock-member-and-owner-statement";

/**
 * Deletes a member (never the owner). Their personal tokens go with them (401 from then on). Service tokens they created
 * are not theirs to take along (integrations depend on them), so they pass to the owner (who gains no power by that: no
 * token can mint personal tokens for the owner, obtain the owner's personal tokens or transfer ownership). A member the
 * caller may not view is a 404 like an unknown id.
 */
export async function deleteMember(principal: Principal, memberId: string): Promise<void> {
  await getMemberOrThrow(principal, memberId);
  await runTransaction(async (tx) => {
    const locked = await lockMemberAndOwner(tx, { memberId });
    if (!locked.some((row) => row.id === memberId))
      throw new ApiError("not_found", `Member "${memberId}" not found`);
    const owner = locked.find((row) => row.role === "owner");
    const target = memberResource(memberId);
    assertAccess(principal, "deleteMember", target);
    if (owner?.id === memberId) {
      throw new ApiError(
        "forbidden",
        "The owner cannot be deleted; transfer ownership to another member first",
      );
    }

    const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, include: MEMBER_INCLUDE });
    const handedOver = owner
      ? await tx.accessToken.updateMany({
          where: { memberId, serviceToken: true },
          data: { memberId: owner.id },
        })
      : { count: 0 };
    await tx.member.delete({ where: { id: memberId } });
    await recordAuditEntry(tx, principal, {
      kind: "member",
      name: member.email,
      description: `Deleted member ${member.email}${handedOver.count > 0 ? `; ${handedOver.count} service token(s) they created now belong to the owner` : ""}`,
      action: "deleteMember",
      target,
      previous: memberAuditVersion(member),
    });
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
}
