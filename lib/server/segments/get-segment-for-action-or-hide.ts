import "server-only";
import { prisma } from "@/lib/server/db";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { findEnvironment } from "@/lib/server/environments/find-environment";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

type SegmentPath = { projectKey: string; environmentKey: string; segmentKey: string };

/**
 * A segment the caller may act on (`action`), with its environment and project, under the existence rule: a missing
 * segment and one the caller may neither view nor act on get the same 404; one it may view but not act on is 403; one it
 * may act on without viewing (a sync tool) is served, and a refusal names it without tags.
 */
export async function getSegmentForActionOrHide(principal: Principal, path: SegmentPath, action: string) {
  const notFound = () => segmentsNotFound(path.projectKey, path.environmentKey, [path.segmentKey]);
  const environment = await findEnvironment(path.projectKey, path.environmentKey);
  if (environment === null) throw notFound();
  const segment = await prisma.segment.findUnique({
    where: { environmentId_key: { environmentId: environment.id, key: path.segmentKey } },
  });
  if (segment === null) throw notFound();
  const resource = segmentResource(environment.project, environment, segment);
  assertAccessOrHide(principal, { view: "viewSegment", actions: [action], resource, notFound });
  return { environment, segment, resource };
}
