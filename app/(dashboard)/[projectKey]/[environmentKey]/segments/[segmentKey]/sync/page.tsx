import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { segmentDetailKey } from "@/lib/queries/members";
import { integrationKeys } from "@/lib/queries/integrations";
import { environmentDetailKey, syncRunKeys } from "@/lib/queries/sync-runs";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, segmentResource } from "@/lib/server/access/resource-names";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { listSegmentSyncRuns } from "@/lib/server/sync/list-segment-sync-runs";
import { SYNC_RUNS_PAGE_SIZE } from "./_components/sync-constants";
import { SyncView } from "./sync-view";

export const metadata = { title: "Sync · Tributary" };

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export default async function SegmentSyncPage({ params }: { params: Promise<Params> }) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });

  // Prefetch only what the member may read; otherwise the view asks the API and shows its message.
  const found = await getSegmentOrThrow(
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  ).catch(() => null);
  if (found) {
    const { environment, segment } = found;
    if (
      checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment)).allowed
    ) {
      queryClient.setQueryData(
        environmentDetailKey(location),
        serializeEnvironment(environment.project.key, environment),
      );
    }
    if (
      checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment))
        .allowed
    ) {
      const page = { limit: SYNC_RUNS_PAGE_SIZE, offset: 0 };
      const [targets, runs] = await Promise.all([
        loadSegmentTargets(segment),
        listSegmentSyncRuns(segment.id, page),
      ]);
      queryClient.setQueryData(
        segmentDetailKey(location),
        serializeSegment(
          segment,
          { projectKey: environment.project.key, environmentKey: environment.key },
          targets,
        ),
      );
      queryClient.setQueryData(
        syncRunKeys.segment(location, page),
        toCollection(runs.items, runs.totalCount, {
          url: new URL(
            `http://local/api/v2/segments/${location.projectKey}/${location.environmentKey}/${location.segmentKey}/syncs`,
          ),
          ...page,
        }),
      );
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SyncView {...location} />
    </HydrationBoundary>
  );
}
