import "server-only";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getRoleOrThrow } from "@/lib/server/roles/get-role-or-throw";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockCustomRole } from "@/lib/server/row-locks/lock-custom-role-statement";

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Deletes a custom role that no member or token holds (409 `conflict` otherwise), audited in the same transaction. A role
 * the caller may not view is a 404 like an unknown key.
 */
export async function deleteRole(principal: Principal, keyOrId: string): Promise<void> {
  const { id, key } = await getRoleOrThrow(principal, keyOrId);
  const target = roleResource(key);
  await runTransaction(async (tx) => {
    // The row lock makes a concurrent grant of this role wait, so a holder cannot appear between the count and the delete.
    if (!(await lockCustomRole(tx, { roleId: id })))
      throw new ApiError("not_found", `Custom role "${keyOrId}" not found`);
    assertAccess(principal, "deleteRole", target);

    const members = await tx.memberCustomRole.count({ where: { customRoleId: id } });
    const tokens = await tx.tokenCustomRole.count({ where: { customRoleId: id } });
    if (members > 0 || tokens > 0) {
      throw new ApiError(
        "conflict",
        `Custom role "${key}" is still held by ${plural(members, "member")} and ${plural(tokens, "token")}; remove it from them first`,
      );
    }
    const role = await tx.customRole.delete({ where: { id } });
    await recordAuditEntry(tx, principal, {
      kind: "role",
      name: role.name,
      description: `Deleted custom role ${role.key}`,
      action: "deleteRole",
      target,
      previous: { key: role.key, name: role.name, description: role.description, policy: role.policy ?? [] },
    });
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
}
