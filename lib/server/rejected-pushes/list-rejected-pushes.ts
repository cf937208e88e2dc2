import "server-only";
import type { RejectedPushPage, RejectedPushResponse } from "@/lib/schemas/rejected-push";
import type { Principal } from "@/lib/server/access/principal";
import { prisma } from "@/lib/server/db";
import { canSeeUnresolvedRejectedPushes } from "@/lib/server/rejected-pushes/can-see-unresolved-rejected-pushes";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";

type Tagged = { key: string; tags: string[] };

type Row = Awaited<ReturnType<typeof prisma.rejectedPush.findFirstOrThrow>>;

function serialize(row: Row, withSample: boolean): RejectedPushResponse {
  return {
    _id: row.id,
    firstAt: row.firstAt.getTime(),
    lastAt: row.lastAt.getTime(),
    integration: row.integrationKey,
    status: row.status,
    reason: { code: row.reasonCode, message: row.message },
    token:
      row.tokenName !== null && row.tokenEnding !== null
        ? { name: row.tokenName, ending: row.tokenEnding }
        : null,
    clientSideId: row.clientSideId,
    memberSample: withSample ? row.memberSample : [],
    count: row.count,
    aggregated: row.bucketKey !== null,
    environmentResolved: row.environmentId !== null,
  };
}

/**
 * An environment's refused requests, most recent first, for a caller who may view it (the caller of the sync runs),
 * with those that named no environment for owners and admins. Member ids are shown only to a caller who may view every
 * segment of the environment, since a refused request may have aimed at a segment the caller may not view.
 */
export async function listRejectedPushes(
  principal: Principal,
  environment: Tagged & { id: string; project: Tagged },
  page: { limit: number; before?: string },
): Promise<RejectedPushPage> {
  const environments = canSeeUnresolvedRejectedPushes(principal) ? [environment.id, null] : [environment.id];
  const [beforeMs, beforeId] = page.before?.split(".") ?? [];
  const cursor =
    beforeMs !== undefined && beforeId !== undefined
      ? {
          OR: [
            { lastAt: { lt: new Date(Number(beforeMs)) } },
            { lastAt: new Date(Number(beforeMs)), id: { lt: beforeId } },
          ],
        }
      : {};
  const rows = await prisma.rejectedPush.findMany({
    // AND, not a spread: the cursor's own OR must not replace the environment filter on later pages.
    where: { AND: [{ OR: environments.map((environmentId) => ({ environmentId })) }, cursor] },
    orderBy: [{ lastAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const withSample = canViewEverySegment(principal, environment.project, environment);
  return {
    items: shown.map((row) => serialize(row, withSample)),
    next: rows.length > page.limit && last ? `${last.lastAt.getTime()}.${last.id}` : null,
  };
}
