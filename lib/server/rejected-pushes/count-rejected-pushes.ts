import "server-only";
import { prisma } from "@/lib/server/db";

/**
 * How many requests were refused in an environment since `since`: the sum of the rows' counts, so a minute's aggregate
 * row counts every refusal it stands for. A row counts when its last refusal is at or after `since`.
 */
export async function countRejectedPushes({
  environmentId,
  since,
}: {
  environmentId: string;
  since: Date;
}): Promise<number> {
  const result = await prisma.rejectedPush.aggregate({
    where: { environmentId, lastAt: { gte: since } },
    _sum: { count: true },
  });
  return result._sum.count ?? 0;
}
