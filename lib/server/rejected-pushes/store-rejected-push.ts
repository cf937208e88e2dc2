import "server-only";
import { prisma } from "@/lib/server/db";
import type { Refusal } from "@/lib/server/rejected-pushes/refusal";
import { MAX_REJECTED_PUSH_ROWS_PER_MINUTE } from "@/lib/server/rejected-pushes/rejected-push-limits";
import { resolveRefusalEnvironment } from "@/lib/server/rejected-pushes/resolve-refusal-environment";
import { storableText } from "@/lib/server/rejected-pushes/storable-text";

const MINUTE_MS = 60_000;
const OTHER_MESSAGES = " (and other messages)";

/**
 * Writes one refusal (or several identical ones): a row of its own while its environment, integration and reason have
 * fewer than MAX_REJECTED_PUSH_ROWS_PER_MINUTE rows of their own in that minute, otherwise into the minute's aggregate
 * row. The queue writes one at a time per process; two processes may each let one row more through.
 */
export async function storeRejectedPush(refusal: Refusal): Promise<void> {
  const environmentId = await resolveRefusalEnvironment(refusal.environment);
  const minute = new Date(Math.floor(refusal.firstAt.getTime() / MINUTE_MS) * MINUTE_MS);
  const own = {
    environmentId,
    integrationKey: storableText(refusal.integrationKey),
    reasonCode: refusal.reasonCode,
  };
  const ownRows = await prisma.rejectedPush.count({
    where: {
      ...own,
      bucketKey: null,
      firstAt: { gte: minute, lt: new Date(minute.getTime() + MINUTE_MS) },
    },
  });
  const row = {
    ...own,
    status: refusal.status,
    message: storableText(refusal.message),
    tokenId: refusal.token?.id ?? null,
    tokenName: refusal.token?.name ?? null,
    tokenEnding: refusal.token?.ending ?? null,
    clientSideId: refusal.clientSideId === null ? null : storableText(refusal.clientSideId),
    memberSample: refusal.memberSample.map(storableText),
    count: refusal.count,
    firstAt: refusal.firstAt,
    lastAt: refusal.lastAt,
  };
  if (ownRows < MAX_REJECTED_PUSH_ROWS_PER_MINUTE) {
    await prisma.rejectedPush.create({ data: row });
    return;
  }
  const bucketKey = [environmentId ?? "-", own.integrationKey, refusal.reasonCode, minute.toISOString()].join(
    "|",
  );
  const bucket = await prisma.rejectedPush.findUnique({ where: { bucketKey } });
  if (bucket === null) {
    await prisma.rejectedPush.create({ data: { ...row, bucketKey } });
    return;
  }
  // An aggregate keeps a detail only while every refusal it counts shares it.
  const sameToken = bucket.tokenId === row.tokenId;
  await prisma.rejectedPush.update({
    where: { bucketKey },
    data: {
      count: { increment: refusal.count },
      lastAt: refusal.lastAt > bucket.lastAt ? refusal.lastAt : bucket.lastAt,
      ...(!sameToken && { tokenId: null, tokenName: null, tokenEnding: null }),
      ...(bucket.clientSideId !== row.clientSideId && { clientSideId: null }),
      ...(bucket.message !== row.message &&
        !bucket.message.endsWith(OTHER_MESSAGES) && { message: `${bucket.message}${OTHER_MESSAGES}` }),
      memberSample: [],
    },
  });
}
