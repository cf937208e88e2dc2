import "server-only";
import { prisma } from "@/lib/server/db";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { roleSettingsSchema, type RoleResponse } from "@/lib/schemas/role";
import type { JsonPatchRequest } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { applyJsonPatch } from "@/lib/server/tokens/apply-json-patch";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";

const WRITABLE = ["name", "description", "policy"] as const;

/**
 * Applies a JSON Patch to a custom role's name, description or policy. A new policy changes the access of every member
 * and token that holds the role at once, so it may not grant more than the editor holds (else anyone who may edit a role
 * they hold could raise their own access).
 */
export async function updateRole(
  principal: Principal,
  roleKey: string,
  patch: JsonPatchRequest,
): Promise<RoleResponse> {
  const target = roleResource(roleKey);
  const role = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM custom_role WHERE key = ${roleKey} FOR UPDATE`;
    const id = locked[0]?.id;
    if (id === undefined) throw new ApiError("not_found", `Custom role "${roleKey}" not found`);
    assertAccess(principal, "updateRole", target);
    const current = serializeRole(await tx.customRole.findUniqueOrThrow({ where: { id } }));

    const applied = applyJsonPatch(
      { key: current.key, name: current.name, description: current.description, policy: current.policy },
      patch,
      WRITABLE,
    );
    const next = roleSettingsSchema.parse({
      name: applied.document.name,
      description: applied.document.description ?? null,
      policy: applied.document.policy,
    });
    if (applied.fields.size === 0) return current;
    if (applied.fields.has("policy")) {
      assertCanGrant(principal, {
        role: null,
        customRoles: [{ name: roleKey, policy: next.policy }],
        inlineRole: null,
      });
    }

    const updated = serializeRole(
      await tx.customRole.update({
        where: { id },
        data: { name: next.name, description: next.description, policy: next.policy },
      }),
    );
    const settings = (role: RoleResponse) => ({
      key: role.key,
      name: role.name,
      description: role.description,
      policy: role.policy,
    });
    await recordAuditEntry(tx, principal, {
      kind: "role",
      name: updated.name,
      description: `Updated ${[...applied.fields].join(", ")} of custom role ${roleKey}${applied.comment ? `: ${applied.comment}` : ""}`,
      action: "updateRole",
      target,
      previous: settings(current),
      current: settings(updated),
    });
    return updated;
  });
  tokenPrincipalCache.forgetAll();
  return role;
}
