import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { MEMBER_INCLUDE, type MemberRow } from "@/lib/server/members/serialize-member";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member by `_id`; an id that is not a UUID cannot exist, so it is a 404 rather than a database error. */
export async function getMemberOrThrow(memberId: string): Promise<MemberRow> {
  const member = UUID.test(memberId)
    ? await prisma.member.findUnique({ where: { id: memberId }, include: MEMBER_INCLUDE })
    : null;
  if (!member) throw new ApiError("not_found", `Member "${memberId}" not found`);
  return member;
}
