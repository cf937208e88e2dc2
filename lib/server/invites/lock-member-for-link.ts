import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";
import { MEMBER_INCLUDE, type MemberRow } from "@/lib/server/members/serialize-member";
import { lockMember } from "@/lib/server/row-locks/lock-member-statement";

/** The member, its row locked until the caller's transaction ends (so a link is not issued beside a concurrent change). */
export async function lockMemberForLink(tx: Prisma.TransactionClient, memberId: string): Promise<MemberRow> {
  if (!(await lockMember(tx, { memberId })))
    throw new ApiError("not_found", `Member "${memberId}" not found`);
  return tx.member.findUniqueOrThrow({ where: { id: memberId }, include: MEMBER_INCLUDE });
}
