import "server-only";
import { prisma } from "@/lib/server/db";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { memberSettingsSchema, type MemberResponse } from "@/lib/schemas/member";
import type { JsonPatchRequest } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { endMemberSessions } from "@/lib/server/auth/end-member-sessions";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { MEMBER_INCLUDE, serializeMember } from "@/lib/server/members/serialize-member";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { applyJsonPatch } from "@/lib/server/tokens/apply-json-patch";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";

const WRITABLE = ["role", "customRoleKeys", "firstName", "lastName"] as const;

/** The owner acting in person (a session or a personal token); a service token the owner created does not count. */
function isOwnerInPerson(principal: Principal): boolean {
  return principal.member.role === "owner" && principal.token?.serviceToken !== true;
}

/**
 * Applies a JSON Patch to a member's role, custom roles or names.
 *
 * - Role and custom roles need `updateMemberRole` on the member, never on oneself (nobody raises their own access), and
 *   what is added may not grant more than the caller holds.
 * - Names need `updateMemberRole` too, except one's own.
 * - There is always exactly one owner: only the owner in person gives the `owner` role, which transfers ownership (the
 *   old owner becomes admin) in this transaction; the owner's role cannot be changed otherwise.
 *
 * The member's row and the owner's are locked for the whole transaction, so two transfers cannot both win.
 */
export async function updateMember(
  principal: Principal,
  memberId: string,
  patch: JsonPatchRequest,
): Promise<MemberResponse> {
  await getMemberOrThrow(memberId);
  const member = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; role: string }[]>`
      SELECT id, role FROM member WHERE id = ${memberId}::uuid OR role = 'owner' ORDER BY id FOR UPDATE`;
    if (!locked.some((row) => row.id === memberId))
      throw new ApiError("not_found", `Member "${memberId}" not found`);
    const owner = locked.find((row) => row.role === "owner");
    const current = await tx.member.findUniqueOrThrow({ where: { id: memberId }, include: MEMBER_INCLUDE });
    const target = memberResource(memberId);
    const shown = serializeMember(current);

    const applied = applyJsonPatch(
      {
        email: shown.email,
        role: shown.role,
        customRoleKeys: shown.customRoleKeys,
        firstName: shown.firstName,
        lastName: shown.lastName,
      },
      patch,
      WRITABLE,
    );
    const self = principal.member.id === memberId;
    const accessTouched = applied.fields.has("role") || applied.fields.has("customRoleKeys");
    const namesTouched = applied.fields.has("firstName") || applied.fields.has("lastName");
    if (accessTouched && self) {
      throw new ApiError(
        "forbidden",
        "You cannot change your own role or custom roles; ask an admin or the owner",
      );
    }
    if (accessTouched || (namesTouched && !self)) assertAccess(principal, "updateMemberRole", target);
    if (!accessTouched && !namesTouched) {
      if (!self) assertAccess(principal, "viewMember", target);
      return current;
    }

    const { document } = applied;
    const next = memberSettingsSchema.parse({
      role: document.role,
      customRoleKeys: document.customRoleKeys ?? [],
      firstName: document.firstName ?? null,
      lastName: document.lastName ?? null,
    });
    const roleChanged = next.role !== current.role;
    const transfer = roleChanged && next.role === "owner";
    if (roleChanged && current.role === "owner") {
      throw new ApiError(
        "forbidden",
        "The owner's role cannot be changed; the owner transfers ownership by giving another member the owner role",
      );
    }
    if (transfer && (!isOwnerInPerson(principal) || owner?.id !== principal.member.id)) {
      throw new ApiError(
        "forbidden",
        "Only the owner, signed in or with a personal token, can transfer ownership",
      );
    }

    const customRoles = await findRolesByKeys(tx, next.customRoleKeys, "customRoleKeys");
    const held = new Set(shown.customRoleKeys);
    assertCanGrant(principal, {
      role: roleChanged ? next.role : null,
      customRoles: customRolePolicies(customRoles.filter((role) => !held.has(role.key))),
      inlineRole: null,
    });

    if (transfer && owner) {
      const previousOwner = await tx.member.findUniqueOrThrow({
        where: { id: owner.id },
        include: MEMBER_INCLUDE,
      });
      const demoted = await tx.member.update({
        where: { id: owner.id },
        data: { role: "admin" },
        include: MEMBER_INCLUDE,
      });
      await recordAuditEntry(tx, principal, {
        kind: "member",
        name: demoted.email,
        description: `Transferred ownership from ${demoted.email} to ${current.email}; ${demoted.email} is now admin`,
        action: "updateMemberRole",
        target: memberResource(demoted.id),
        previous: memberAuditVersion(previousOwner),
        current: memberAuditVersion(demoted),
      });
    }
    const updated = await tx.member.update({
      where: { id: memberId },
      data: {
        role: next.role,
        firstName: next.firstName,
        lastName: next.lastName,
        ...(applied.fields.has("customRoleKeys")
          ? {
              customRoles: {
                deleteMany: {},
                create: customRoles.map((customRole) => ({ customRoleId: customRole.id })),
              },
            }
          : {}),
      },
      include: MEMBER_INCLUDE,
    });
    if (accessTouched) await endMemberSessions(tx, memberId);
    await recordAuditEntry(tx, principal, {
      kind: "member",
      name: updated.email,
      description: transfer
        ? `Made ${updated.email} the owner`
        : `Updated ${[...applied.fields].join(", ")} of member ${updated.email}${applied.comment ? `: ${applied.comment}` : ""}`,
      action: "updateMemberRole",
      target,
      previous: memberAuditVersion(current),
      current: memberAuditVersion(updated),
    });
    return updated;
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
  return serializeMember(member);
}
