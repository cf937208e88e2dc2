import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { isMemberInPerson } from "@/lib/server/members/is-member-in-person";
import { MEMBER_INCLUDE, type MemberRow } from "@/lib/server/members/serialize-member";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A member by `_id` that the principal may view (`viewMember`, or the member itself in person). One it may not view is
 * answered exactly like an id that does not exist (404, same message), so a caller learns nothing of what exists before
 * any other check or patch operation runs. An id that is not a UUID cannot exist: a 404 rather than a database error.
 */
export async function getMemberOrThrow(principal: Principal, memberId: string): Promise<MemberRow> {
  const member = UUID.test(memberId)
    ? await prisma.member.findUnique({ where: { id: memberId }, include: MEMBER_INCLUDE })
    : null;
  const visible =
    member !== null &&
    (isMemberInPerson(principal, member.id) ||
      checkAccess(principal, "viewMember", memberResource(member.id)).allowed);
  if (!member || !visible) throw new ApiError("not_found", `Member "${memberId}" not found`);
  return member;
}
