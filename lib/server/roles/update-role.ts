import "server-only";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { roleSettingsSchema, type RoleResponse } from "@/lib/schemas/role";
import type { JsonPatchRequest } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getRoleOrThrow } from "@/lib/server/roles/get-role-or-throw";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { applyJsonPatch } from "@/lib/server/tokens/apply-json-patch";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockCustomRole } from "@/lib/server/row-locks/lock-custom-role-statement";

const WRITABLE = ["name", "description", "policy"] as const;

/** Nobody changes the access of a role's holders who have more than they do, e.g. by emptying an admin-like role. */
function assertCanGrantCurrentPolicy(
  principal: Principal,
  key: string,
  policy: RoleResponse["policy"],
): void {
  try {
    assertCanGrant(principal, { role: null, customRoles: [{ name: key, policy }], inlineRole: null });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "forbidden") throw error;
    throw new ApiError(
      "forbidden",
      `You cannot change this role's policy: its current policy grants access you do not have (${error.message})`,
    );
  }
}

/**
 * Applies a JSON Patch to a custom role's name, description or policy. A role the caller may not view is a 404 like an
 * unknown key, and `updateRole` is checked before any operation (a `test` included) runs. The policy is the access of
 * every member and token that holds the role, so changing it is granting: the editor must be able to grant both the
 * current policy (nobody changes the access of holders who have more than they do) and the new one (nobody raises a role,
 * perhaps one they hold, beyond their own access). A grace-period token value changes no policy.
 */
export async function updateRole(
  principal: Principal,
  keyOrId: string,
  patch: JsonPatchRequest,
): Promise<RoleResponse> {
  const { id, key } = await getRoleOrThrow(principal, keyOrId);
  const target = roleResource(key);
  const role = await runTransaction(async (tx) => {
    if (!(await lockCustomRole(tx, { roleId: id })))
      throw new ApiError("not_found", `Custom role "${keyOrId}" not found`);
    const current = serializeRole(await tx.customRole.findUniqueOrThrow({ where: { id } }));

    const applied = applyJsonPatch(
      {
        key: current.key,
        name: current.name,
        description: current.description ?? null,
        policy: current.policy,
      },
      patch,
      WRITABLE,
      (touched) => {
        assertAccess(principal, "updateRole", target);
        if (touched.has("policy")) assertNotGraceValue(principal);
      },
    );
    const next = roleSettingsSchema.parse({
      name: applied.document.name,
      description: applied.document.description ?? null,
      policy: applied.document.policy,
    });
    if (applied.fields.size === 0) return current;
    if (applied.fields.has("policy")) {
      assertCanGrantCurrentPolicy(principal, key, current.policy);
      assertCanGrant(principal, {
        role: null,
        customRoles: [{ name: key, policy: next.policy }],
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
      description: role.description ?? null,
      policy: role.policy,
    });
    await recordAuditEntry(tx, principal, {
      kind: "role",
      name: updated.name,
      description: `Updated ${[...applied.fields].join(", ")} of custom role ${key}${applied.comment ? `: ${applied.comment}` : ""}`,
      action: "updateRole",
      target,
      previous: settings(current),
      current: settings(updated),
      comment: applied.comment,
    });
    return updated;
  });
  tokenPrincipalCache.forgetAll();
  return role;
}
