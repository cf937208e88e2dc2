import "server-only";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import { memberSettingsSchema, type MemberResponse } from "@/lib/schemas/member";
import type { JsonPatchRequest } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { endMemberSessions } from "@/lib/server/auth/end-member-sessions";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { isMemberInPerson } from "@/lib/server/members/is-member-in-person";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { MEMBER_INCLUDE, serializeMember } from "@/lib/server/members/serialize-member";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { applyJsonPatch } from "@/lib/server/tokens/apply-json-patch";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { lockMemberAndOwner } from "@/lib/server/row-locks/lock-member-and-owner-statement";

// `customRoles` is LaunchDarkly's name for the custom role keys; `customRoleKeys` is Tributary's earlier one.
const WRITABLE = ["role", "customRoles", "customRoleKeys", "firstName", "lastName"] as const;

/**
 * Ownership is the one thing no token can move: only the owner's session. A token can be created by anyone the owner
 * trusts with some access (a service token by the CLI, or one inherited from a deleted member), and reset.
 */
function isOwnerSignedIn(principal: Principal, ownerId: string | undefined): boolean {
  return principal.kind === "session" && principal.token === null && principal.member.id === ownerId;
}

function canGrantCurrentAccess(
  principal: Principal,
  role: string,
  customRoles: readonly NamedPolicy[],
): boolean {
  try {
    assertCanGrant(principal, { role, customRoles, inlineRole: null });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") return false;
    throw error;
  }
}

/**
 * Applies a JSON Patch to a member's role, custom roles or names.
 *
 * - A member the caller may not view is a 404 like an unknown id, and the access below is checked before any operation
 *   (a `test` included) runs.
 * - Role and custom roles need `updateMemberRole` on the member, never on oneself (nobody raises their own access); the
 *   caller must be able to grant the member's current access (nobody changes the access of someone who holds more, e.g.
 *   removes a custom role of denies from an admin), and what is added may not grant more than the caller holds.
 * - Names need `updateMemberRole` too, except one's own in person (not through a service token).
 * - There is always exactly one owner: only the owner's own session gives the `owner` role, which transfers ownership
 *   (the old owner becomes admin, and both members' sessions end) in this transaction; the owner's role cannot be changed
 *   otherwise.
 * - A reset's old value in its grace period changes no member's access (assert-not-grace-value.ts).
 *
 * The member's row and the owner's are locked for the whole transaction, so two transfers cannot both win.
 */
export async function updateMember(
  principal: Principal,
  memberId: string,
  patch: JsonPatchRequest,
): Promise<MemberResponse> {
  await getMemberOrThrow(principal, memberId);
  const member = await runTransaction(async (tx) => {
    const locked = await lockMemberAndOwner(tx, { memberId });
    if (!locked.some((row) => row.id === memberId))
      throw new ApiError("not_found", `Member "${memberId}" not found`);
    const owner = locked.find((row) => row.role === "owner");
    const current = await tx.member.findUniqueOrThrow({ where: { id: memberId }, include: MEMBER_INCLUDE });
    const target = memberResource(memberId);
    const shown = serializeMember(current);

    const self = isMemberInPerson(principal, memberId);
    const touchesRoleKeys = (fields: ReadonlySet<string>) =>
      fields.has("customRoles") || fields.has("customRoleKeys");
    const touchesAccess = (fields: ReadonlySet<string>) => fields.has("role") || touchesRoleKeys(fields);
    const touchesNames = (fields: ReadonlySet<string>) => fields.has("firstName") || fields.has("lastName");
    const applied = applyJsonPatch(
      {
        email: shown.email,
        role: shown.role,
        customRoles: shown.customRoles,
        customRoleKeys: shown.customRoleKeys,
        firstName: shown.firstName ?? null,
        lastName: shown.lastName ?? null,
      },
      patch,
      WRITABLE,
      (fields) => {
        if (touchesAccess(fields) && principal.member.id === memberId) {
          throw new ApiError(
            "forbidden",
            "You cannot change your own role or custom roles; ask an admin or the owner",
          );
        }
        if (touchesAccess(fields) || (touchesNames(fields) && !self))
          assertAccess(principal, "updateMemberRole", target);
        if (touchesAccess(fields)) assertNotGraceValue(principal);
      },
    );
    const accessTouched = touchesAccess(applied.fields);
    if (!accessTouched && !touchesNames(applied.fields)) return current;

    const { document } = applied;
    const next = memberSettingsSchema.parse({
      role: document.role,
      customRoleKeys:
        (applied.fields.has("customRoles") ? document.customRoles : document.customRoleKeys) ?? [],
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
    if (transfer && !isOwnerSignedIn(principal, owner?.id)) {
      throw new ApiError("forbidden", "Only the owner, signed in to the dashboard, can transfer ownership");
    }
    // An owner nobody can sign in as would leave the account without one until the invite is accepted.
    if (transfer && current.passwordHash === null) {
      throw new ApiError(
        "conflict",
        "Ownership cannot go to a pending invite: the member cannot sign in yet",
      );
    }

    const customRoles = await findRolesByKeys(tx, next.customRoleKeys, "customRoleKeys", {
      principal,
      held: shown.customRoleKeys,
    });
    const held = new Set(shown.customRoleKeys);
    if (accessTouched) {
      const heldRoles = await findRolesByKeys(tx, shown.customRoleKeys, "customRoleKeys");
      if (!canGrantCurrentAccess(principal, current.role, customRolePolicies(heldRoles))) {
        throw new ApiError(
          "forbidden",
          "You cannot change the role or custom roles of a member who holds access you do not have",
        );
      }
    }
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
      // Sessions signed in as the owner must not outlive the demotion (the new owner's end below, as for any role change).
      await endMemberSessions(tx, owner.id);
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
        ...(touchesRoleKeys(applied.fields)
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
      comment: applied.comment,
    });
    return updated;
  });
  // Principals built from the old state: forgotten here at once, on other instances by the trigger's notification.
  tokenPrincipalCache.forgetAll();
  return serializeMember(member);
}
