import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Claims the generation of a segment being created: 1 for a new key, else one more than the last segment with this key in
 * this environment had (segment_generation outlives deleted segments). Call it in the transaction that creates the segment,
 * so a failed create gives the number back.
 */
export async function nextSegmentGeneration(
  tx: Prisma.TransactionClient,
  environmentId: string,
  key: string,
): Promise<number> {
  const rows = await tx.$queryRaw<{ generation: number }[]>`
    INSERT INTO segment_generation (environment_id, key, generation)
    VALUES (${environmentId}::uuid, ${key}, 1)
    ON CONFLICT (environment_id, key) DO UPDATE SET generation = segment_generation.generation + 1
    RETURNING generation`;
  const row = rows[0];
  if (row === undefined) throw new Error("segment_generation upsert returned no row");
  return row.generation;
}
