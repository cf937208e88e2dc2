"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useSegmentDetail, type SegmentLocation } from "@/lib/queries/segment-members";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import { SYNC_POLL_MS, useSegmentSyncRuns } from "@/lib/queries/sync-runs";
import { formatCount } from "../../../activity/_components/format";
import { OffsetPager } from "@/components/ui/offset-pager";
import { DateTime } from "@/components/time/date-time";
import { SyncRunTable } from "../../../activity/_components/sync-run-table";
import { ConnectPanel } from "./_components/connect-panel";
import { SYNC_RUNS_PAGE_SIZE } from "./_components/sync-constants";
import { useRefreshOnNewRun } from "./_components/use-refresh-on-new-run";

export function SyncView({
  syncToolToken,
  ...location
}: SegmentLocation & { syncToolToken: AccessDecision }) {
  const [offset, setOffset] = useState(0);
  const segment = useSegmentDetail(location);
  const integrations = useIntegrations();
  const runs = useSegmentSyncRuns(location, { limit: SYNC_RUNS_PAGE_SIZE, offset });
  const newestRunId = offset === 0 && runs.data ? (runs.data.items[0]?._id ?? null) : undefined;
  useRefreshOnNewRun(location, newestRunId);

  const activityHref = `/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(location.environmentKey)}/activity`;
  const external = segment.data?._external ?? null;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="segment-sync-runs" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="segment-sync-runs" className="text-base font-semibold">
              Sync runs
            </h2>
            <p className="text-sm text-slate-500">
              Newest first; new pushes appear within {SYNC_POLL_MS / 1000} seconds.
            </p>
          </div>
          <div className="text-right text-sm">
            {segment.data ? (
              <p data-testid="sync-member-count">
                <span className="font-semibold">
                  {formatCount(segment.data._unboundedMetadata.includedCount)}
                </span>{" "}
                members
                {segment.data._lastSync ? (
                  <>
                    {" "}
                    · last sync <DateTime epochMs={segment.data._lastSync.at} style="relative" />
                  </>
                ) : null}
              </p>
            ) : null}
            <Link href={activityHref} className="text-indigo-700 hover:underline">
              All sync activity in this environment
            </Link>
          </div>
        </div>
        {segment.isError ? <ErrorState error={segment.error} /> : null}
        {runs.isPending ? <LoadingState label="Loading sync runs…" /> : null}
        {runs.isError ? <ErrorState error={runs.error} /> : null}
        {runs.data && runs.data.items.length === 0 ? (
          <EmptyState title="No sync runs yet">
            {external
              ? "Runs appear here as soon as the integration pushes to this segment."
              : "Runs appear here when members are imported or changed through the API."}
          </EmptyState>
        ) : null}
        {runs.data && runs.data.items.length > 0 ? (
          <>
            <SyncRunTable
              runs={runs.data.items}
              caption="Sync runs of this segment, newest first"
              integrationNames={integrationNames(integrations.data?.items)}
            />
            <OffsetPager
              label="Sync run pages"
              previousLabel="Newer"
              nextLabel="Older"
              offset={offset}
              limit={SYNC_RUNS_PAGE_SIZE}
              totalCount={runs.data.totalCount}
              onChange={setOffset}
            />
          </>
        ) : null}
      </section>
      <ConnectPanel
        location={{ projectKey: location.projectKey, environmentKey: location.environmentKey }}
        segmentIntegration={external}
        tokenDecision={syncToolToken}
      />
    </div>
  );
}
