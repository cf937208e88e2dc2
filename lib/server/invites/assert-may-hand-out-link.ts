import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PasswordLinkKind } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import type { MemberRow } from "@/lib/server/members/serialize-member";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertNotGraceValue } from "@/lib/server/tokens/assert-not-grace-value";

function isSignedInInPerson(principal: Principal, memberId: string): boolean {
  return principal.kind === "session" && principal.token === null && principal.member.id === memberId;
}

/**
 * Whoever hands out a link that sets a member's password could sign in as that member, so it asks what making the member
 * would ask, and more for a reset:
 * - an invite (a pending member): `createMember` on the member, and the caller must be able to grant the member's role
 *   and custom roles, as when inviting;
 * - a reset (a member with a password): `updateMemberRole` on the member and the same grant rule as changing its access
 *   (nobody takes over someone who holds more); the owner's only by the owner's own dashboard session, and one's own only
 *   from a dashboard session (a token never turns into its member's password).
 * Never by a reset's old value in its grace period. The member's row is locked by the caller.
 */
export async function assertMayHandOutLink(
  tx: Pick<Prisma.TransactionClient, "customRole">,
  principal: Principal,
  member: MemberRow,
  kind: PasswordLinkKind,
): Promise<void> {
  const target = memberResource(member.id);
  const pending = member.passwordHash === null;
  if (kind === "invite" && !pending)
    throw new ApiError(
      "conflict",
      `${member.email} has accepted their invite; issue a password reset link instead`,
    );
  if (kind === "reset" && pending)
    throw new ApiError(
      "conflict",
      `${member.email} has not accepted their invite yet; issue a new invite link instead`,
    );
  if (kind === "reset" && member.role === "owner" && !isSignedInInPerson(principal, member.id))
    throw new ApiError(
      "forbidden",
      "Only the owner, signed in to the dashboard, can reset the owner's password",
    );
  if (kind === "reset" && principal.member.id === member.id && !isSignedInInPerson(principal, member.id))
    throw new ApiError("forbidden", "A token cannot issue a password reset link for its own member");
  assertAccess(principal, kind === "invite" ? "createMember" : "updateMemberRole", target);
  assertNotGraceValue(principal);
  if (member.role === "owner") return;
  const held = await findRolesByKeys(
    tx,
    member.customRoles.map((link) => link.customRole.key),
    "customRoleKeys",
  );
  try {
    assertCanGrant(principal, { role: member.role, customRoles: customRolePolicies(held), inlineRole: null });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "forbidden") throw error;
    throw new ApiError(
      "forbidden",
      `You cannot issue a password link for a member who holds access you do not have (${error.message})`,
    );
  }
}
