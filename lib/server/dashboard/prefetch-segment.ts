import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { segmentKeys, type SegmentLocation } from "@/lib/queries/segments";
import type { Principal } from "@/lib/server/access/principal";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
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
  const found = await getVisibleSegmentOrThrow(
    principal,
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  ).catch(() => null);
  if (found === null) return null;
  const { environment, segment } = found;
  const serialized = serializeSegment(
    segment,
    { projectKey: environment.project.key, environmentKey: environment.key },
    await loadSegmentTargets(segment),
  );
  queryClient.setQueryData(segmentKeys.detail(location, location.segmentKey), serialized);
  return found;
}
