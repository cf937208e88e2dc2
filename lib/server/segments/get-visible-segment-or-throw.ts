import "server-only";
import { prisma } from "@/lib/server/db";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { findEnvironment } from "@/lib/server/environments/find-environment";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

/**
 * A segment the caller may view, with its environment and the environment's project. A missing project, environment or
 * segment, and a segment the caller may not view, all get the same 404. The API and the dashboard's pages both read a
 * segment through this.
 */
export async function getVisibleSegmentOrThrow(
  principal: Principal,
  projectKey: string,
  environmentKey: string,
  segmentKey: string,
) {
  const environment = await findEnvironment(projectKey, environmentKey);
  const segment =
    environment === null
      ? null
      : await prisma.segment.findUnique({
          where: { environmentId_key: { environmentId: environment.id, key: segmentKey } },
        });
  if (
    environment === null ||
    segment === null ||
    !checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment)).allowed
  ) {
    throw segmentsNotFound(projectKey, environmentKey, [segmentKey]);
  }
  return { environment, segment };
}
