import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { segmentKeys, type SegmentLocation } from "@/lib/queries/segments";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";

/**
 * Puts the segment into a page's query cache when the member may view it, and returns it. Otherwise (missing, not
 * allowed) it returns null and the client asks the API, which answers with the message to show.
 */
export async function prefetchSegment(
  queryClient: QueryClient,
  principal: Principal,
  location: SegmentLocation,
) {
  const found = await getSegmentOrThrow(
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  ).catch(() => null);
  if (found === null) return null;
  const { environment, segment } = found;
  if (
    !checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment)).allowed
  ) {
    return null;
  }
  const serialized = serializeSegment(
    segment,
    { projectKey: environment.project.key, environmentKey: environment.key },
    await loadSegmentTargets(segment),
  );
  queryClient.setQueryData(segmentKeys.detail(location, location.segmentKey), serialized);
  return found;
}
