import "server-only";
import { prisma } from "@/lib/server/db";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource, segmentResource } from "@/lib/server/access/resource-names";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";

type Tagged = { key: string; tags: string[] };

/**
 * Whether an environment's segment collections may answer this caller: it may view the environment, or at least one
 * segment in it (a role limited to some segments). Otherwise the caller gets the same 404 as for a made-up environment,
 * rather than an empty list that tells it the environment exists. Only such limited callers pay for reading the keys.
 */
export async function maySeeEnvironment(
  principal: Principal,
  environment: Tagged & { project: Tagged },
): Promise<boolean> {
  const { project } = environment;
  if (checkAccess(principal, "viewEnvironment", environmentResource(project, environment)).allowed)
    return true;
  if (canViewEverySegment(principal, project, environment)) return true;
  const segments = await prisma.segment.findMany({
    where: { environment: { key: environment.key, project: { key: project.key } } },
    select: { key: true, tags: true },
  });
  return segments.some(
    (segment) =>
      checkAccess(principal, "viewSegment", segmentResource(project, environment, segment)).allowed,
  );
}
