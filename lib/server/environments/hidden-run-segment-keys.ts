import "server-only";
import { prisma } from "@/lib/server/db";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";

type Tagged = { key: string; tags: string[] };

/** Keys named by the environment's runs whose segment the caller may not view; a deleted segment's tags are unknown. */
export async function hiddenRunSegmentKeys(
  principal: Principal,
  environment: Tagged & { id: string; project: Tagged },
): Promise<string[]> {
  const [named, segments] = await Promise.all([
    prisma.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT unnest(segment_keys) AS key FROM sync_run WHERE environment_id = ${environment.id}::uuid`,
    prisma.segment.findMany({ where: { environmentId: environment.id }, select: { key: true, tags: true } }),
  ]);
  const tagsByKey = new Map(segments.map((segment) => [segment.key, segment.tags]));
  return named
    .map((row) => row.key)
    .filter((key) => {
      const resource = segmentResource(environment.project, environment, {
        key,
        tags: tagsByKey.get(key) ?? [],
      });
      return !checkAccess(principal, "viewSegment", resource).allowed;
    });
}
