import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { segmentDetailKey } from "@/lib/queries/segment-members";
import { integrationKeys } from "@/lib/queries/integrations";
import { environmentDetailKey, syncRunKeys } from "@/lib/queries/sync-runs";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { listVisibleSegmentSyncRuns } from "@/lib/server/segments/list-visible-segment-sync-runs";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { decideTokenCreation } from "@/lib/server/tokens/decide-token-creation";
import { syncToolPolicy } from "@/lib/schemas/token-sync-tool";
import { SYNC_RUNS_PAGE_SIZE } from "./_components/sync-constants";
import { SyncView } from "./sync-view";

export const metadata = { title: "Sync" };

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export default async function SegmentSyncPage({ params }: { params: Promise<Params> }) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });

  // Read through the API's own checks: what it would refuse is not prefetched, and the view shows the API's message.
  const [environment, found] = await Promise.all([
    getVisibleEnvironmentOrThrow(principal, location.projectKey, location.environmentKey).catch(() => null),
    getVisibleSegmentOrThrow(
      principal,
      location.projectKey,
      location.environmentKey,
      location.segmentKey,
    ).catch(() => null),
  ]);
  if (environment) {
    queryClient.setQueryData(
      environmentDetailKey(location),
      serializeEnvironment(environment.project.key, environment),
    );
  }
  if (found) {
    const { segment } = found;
    const page = { limit: SYNC_RUNS_PAGE_SIZE, offset: 0 };
    const [targets, runs] = await Promise.all([
      loadSegmentTargets(segment),
      listVisibleSegmentSyncRuns(principal, found.environment, segment.id, page),
    ]);
    queryClient.setQueryData(
      segmentDetailKey(location),
      serializeSegment(
        segment,
        { projectKey: found.environment.project.key, environmentKey: found.environment.key },
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
  // The connect panel offers its one-click token only when the tokens route would create it for this member, and only
  // for an environment the member may view (its keys come from the URL).
  const syncToolToken = environment
    ? decideTokenCreation(principal, {
        serviceToken: true,
        role: null,
        inlineRole: syncToolPolicy({ projectKey: environment.project.key, environmentKey: environment.key }),
      })
    : { allowed: false, reason: "this environment is not available to you" };
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SyncView {...location} syncToolToken={syncToolToken} />
    </HydrationBoundary>
  );
}
