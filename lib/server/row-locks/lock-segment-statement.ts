import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LockSegmentParams = { environmentId: string; segmentKey: string };

/** Locks a segment's row (`FOR UPDATE`) until the transaction ends; its id, or undefined when there is no such segment. */
export async function lockSegment(
  tx: Prisma.TransactionClient,
  params: LockSegmentParams,
): Promise<number | undefined> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM segment WHERE environment_id = ${params.environmentId}::uuid AND key = ${params.segmentKey} FOR UPDATE`;
  return locked[0]?.id;
}
