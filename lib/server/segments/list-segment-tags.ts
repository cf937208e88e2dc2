import "server-only";
import type { Principal } from "@/lib/server/access/principal";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { prisma } from "@/lib/server/db";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { maySeeEnvironment } from "@/lib/server/environments/may-see-environment";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";

/** Suggestions, not an inventory: a longer list would not help anyone pick a tag. */
export const MAX_SEGMENT_TAG_SUGGESTIONS = 1000;

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/**
 * The distinct tags of the environment's segments that the principal may view (a tag of a hidden segment would tell of
 * it), sorted case-insensitively, at most `MAX_SEGMENT_TAG_SUGGESTIONS`. A caller who may see nothing in the environment
 * gets the 404 of a made-up environment.
 */
export async function listSegmentTags(
  principal: Principal,
  environment: EnvironmentWithProject,
): Promise<{ items: string[]; truncated: boolean }> {
  if (!(await maySeeEnvironment(principal, environment))) {
    throw environmentNotFound(environment.project.key, environment.key);
  }
  const segments = await prisma.segment.findMany({
    where: { environmentId: environment.id, NOT: { tags: { isEmpty: true } } },
    select: { key: true, tags: true },
  });
  const seesAll = canViewEverySegment(principal, environment.project, environment);
  const tags = new Set<string>();
  for (const segment of segments) {
    const resource = segmentResource(environment.project, environment, segment);
    if (seesAll || checkAccess(principal, "viewSegment", resource).allowed) {
      for (const tag of segment.tags) tags.add(tag);
    }
  }
  const sorted = [...tags].sort(
    (a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : 1),
  );
  return {
    items: sorted.slice(0, MAX_SEGMENT_TAG_SUGGESTIONS),
    truncated: sorted.length > MAX_SEGMENT_TAG_SUGGESTIONS,
  };
}
