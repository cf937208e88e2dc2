import "server-only";
import { prisma } from "@/lib/server/db";
import { REJECTED_PUSH_RETENTION_DAYS } from "@/lib/server/rejected-pushes/rejected-push-limits";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the rows whose last refusal is older than the retention; returns how many. */
export async function pruneRejectedPushes(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - REJECTED_PUSH_RETENTION_DAYS * DAY_MS);
  const { count } = await prisma.rejectedPush.deleteMany({ where: { lastAt: { lt: cutoff } } });
  return count;
}
