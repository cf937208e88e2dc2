import "server-only";
import type { RoleCreate, RoleResponse } from "@/lib/schemas/role";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** Creates a custom role (audited in the same transaction). Its policy may not grant more than the creator holds. */
export async function createRole(principal: Principal, input: RoleCreate): Promise<RoleResponse> {
  const target = roleResource(input.key);
  assertAccess(principal, "createRole", target);
  assertNotGraceValue(principal);
  assertCanGrant(principal, {
    role: null,
    customRoles: [{ name: input.key, policy: input.policy }],
    inlineRole: null,
  });

  return runTransaction(async (tx) => {
    const existing = await tx.customRole.findUnique({ where: { key: input.key }, select: { id: true } });
    if (existing) throw new ApiError("conflict", `A custom role with key "${input.key}" already exists`);
    const role = await tx.customRole.create({
      data: {
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        policy: input.policy,
      },
    });
    const serialized = serializeRole(role);
    await recordAuditEntry(tx, principal, {
      kind: "role",
      name: role.name,
      description: `Created custom role ${role.key}`,
      action: "createRole",
      target,
      current: { key: role.key, name: role.name, description: role.description, policy: serialized.policy },
    });
    return serialized;
  });
}
