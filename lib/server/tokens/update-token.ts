import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { tokenSettingsSchema, type JsonPatchRequest, type TokenResponse } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { applyJsonPatch } from "@/lib/server/tokens/apply-json-patch";
import { assertCanChangeTokenAccess } from "@/lib/server/tokens/assert-can-change-token-access";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotOwnGraceValue } from "@/lib/server/tokens/assert-not-own-grace-value";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";
import { tokenAuditVersion } from "@/lib/server/tokens/token-audit-version";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockAccessToken } from "@/lib/server/row-locks/lock-access-token-statement";

const WRITABLE = ["name", "description", "role", "customRoleIds", "inlineRole"] as const;
type TokenField = (typeof WRITABLE)[number];

const POLICY_FIELDS: ReadonlySet<TokenField> = new Set(["role", "customRoleIds", "inlineRole"]);

function actionFor(field: TokenField): string {
  if (field === "name") return "updateAccessTokenName";
  if (field === "description") return "updateAccessTokenDescription";
  return "updateAccessTokenPolicy";
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", `Invalid request: ${field}: ${message}`);
}

/**
 * Applies a JSON Patch to a token's name, description, role, custom roles or inline policy. Each touched setting needs its
 * action on the token (403, nothing written), and a new role or policy may not grant more than the caller holds, nor
 * replace access the caller could not grant. A token has either a built-in role or custom roles and/or an inline policy.
 * The row is locked for the whole transaction. A token the caller may not view is a 404 like an unknown id, and access
 * is checked before any operation (a `test` included) runs.
 */
export async function updateToken(
  principal: Principal,
  tokenId: string,
  patch: JsonPatchRequest,
): Promise<TokenResponse> {
  await getTokenOrThrow(principal, tokenId);
  assertNotOwnGraceValue(principal, tokenId);
  const token = await runTransaction(async (tx) => {
    if (!(await lockAccessToken(tx, { tokenId })))
      throw new ApiError("not_found", `Access token "${tokenId}" not found`);
    const current = await tx.accessToken.findUniqueOrThrow({
      where: { id: tokenId },
      include: TOKEN_INCLUDE,
    });
    const target = tokenResource(current.memberId, current.id, current.serviceToken);
    const shown = serializeToken(current);

    const applied = applyJsonPatch(
      {
        name: shown.name,
        description: shown.description ?? null,
        role: shown.role ?? null,
        customRoleIds: shown.customRoleIds,
        inlineRole: shown.inlineRole ?? null,
      },
      patch,
      WRITABLE,
      (touched) => {
        if ([...touched].some((field) => POLICY_FIELDS.has(field))) assertNotGraceValue(principal);
        for (const action of touched.size > 0 ? new Set([...touched].map(actionFor)) : ["viewAccessToken"])
          assertAccess(principal, action, target);
      },
    );
    const fields = [...applied.fields];
    const actions = [...new Set(fields.map(actionFor))];
    const [action] = actions.includes("updateAccessTokenPolicy") ? ["updateAccessTokenPolicy"] : actions;
    if (action === undefined) return current;

    const { document } = applied;
    const roleTouched = applied.fields.has("role");
    // A stored role outside the token roles (a token made by hand) is kept as it is unless the patch changes it.
    const next = tokenSettingsSchema.parse({
      name: document.name,
      description: document.description ?? null,
      role: roleTouched ? (document.role ?? null) : null,
      customRoleIds: document.customRoleIds ?? [],
      inlineRole: document.inlineRole ?? null,
    });
    const role = roleTouched ? next.role : current.role;
    const inlineRole = next.inlineRole !== null && next.inlineRole.length > 0 ? next.inlineRole : null;
    const custom = next.customRoleIds.length > 0 || inlineRole !== null;
    if (role !== null && custom) {
      throw invalid(
        "role",
        "a token has either a built-in role or customRoleIds/inlineRole; set /role to null to use the others",
      );
    }
    if (role === null && !custom)
      throw invalid("role", "the token needs a role, customRoleIds or inlineRole");

    const policyTouched = fields.some((field) => POLICY_FIELDS.has(field));
    if (policyTouched) await assertCanChangeTokenAccess(tx, principal, tokenId);
    const customRoles = policyTouched
      ? await findRolesByKeys(tx, next.customRoleIds, "customRoleIds", {
          principal,
          held: shown.customRoleIds,
        })
      : [];
    if (policyTouched)
      assertCanGrant(principal, { role, customRoles: customRolePolicies(customRoles), inlineRole });

    const updated = await tx.accessToken.update({
      where: { id: tokenId },
      data: {
        name: next.name,
        description: next.description,
        ...(policyTouched
          ? {
              role,
              inlineRole: inlineRole ?? Prisma.DbNull,
              customRoles: {
                deleteMany: {},
                create: customRoles.map((customRole) => ({ customRoleId: customRole.id })),
              },
            }
          : {}),
      },
      include: TOKEN_INCLUDE,
    });
    await recordAuditEntry(tx, principal, {
      kind: "token",
      name: updated.name,
      description: `Updated ${fields.join(", ")} of token ${updated.name}${applied.comment ? `: ${applied.comment}` : ""}`,
      action,
      target,
      previous: tokenAuditVersion(current),
      current: tokenAuditVersion(updated),
      comment: applied.comment,
    });
    return updated;
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
  return serializeToken(token);
}
