import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";
import { MEMBER_INCLUDE, type MemberRow } from "@/lib/server/members/serialize-member";

/** The member, its row locked until the caller's transaction ends (so a link is not issued beside a concurrent change). */
export async function lockMemberForLink(tx: Prisma.TransactionClient, memberId: string): Promise<MemberRow> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new ApiError("not_found", `Member "${memberId}" not found`);
  return tx.member.findUniqueOrThrow({ where: { id: memberId }, include: MEMBER_INCLUDE });
}
