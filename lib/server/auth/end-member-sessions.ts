import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Ends every session the member is signed in with (they sign in again), in the caller's transaction. */
export async function endMemberSessions(
  tx: Pick<Prisma.TransactionClient, "member">,
  memberId: string,
): Promise<void> {
  await tx.member.update({ where: { id: memberId }, data: { sessionVersion: { increment: 1 } } });
}
