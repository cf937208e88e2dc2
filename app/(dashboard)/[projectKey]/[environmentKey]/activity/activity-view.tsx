"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { SyncRunStatus } from "@/lib/schemas/sync-run";
import { useIntegrations } from "@/lib/queries/integrations";
import { useEnvironmentSyncRuns, useSyncStats, type EnvironmentLocation } from "@/lib/queries/sync-runs";
import { ACTIVITY_PAGE_SIZE, FAILURES_SHOWN, STATS_HOURS } from "./_components/activity-constants";
import { integrationNames } from "@/lib/queries/integrations";
import { Pager } from "./_components/pager";
import { isSyncStatus, STATUS_LABELS, SYNC_STATUSES } from "./_components/status-badge";
import { SyncChart } from "./_components/sync-chart";
import { SyncRunTable } from "./_components/sync-run-table";

export function ActivityView(location: EnvironmentLocation) {
  const integrations = useIntegrations();
  const names = integrationNames(integrations.data?.items);
  const segmentsHref = `/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(location.environmentKey)}/segments`;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/projects" className="hover:underline">
            Projects
          </Link>{" "}
          / {location.projectKey} / {location.environmentKey} /{" "}
          <Link href={segmentsHref} className="hover:underline">
            Segments
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Sync activity</h1>
        <p className="text-sm text-slate-500">
          Every push to this environment&apos;s segments, from integrations, the API and CSV imports. Updates
          every few seconds.
        </p>
      </div>
      <RecentFailures location={location} names={names} />
      <Card
        title="Pushes and members per hour"
        description={`The last ${STATS_HOURS} hours, in your time zone.`}
      >
        <Stats location={location} />
      </Card>
      <AllRuns location={location} names={names} integrationKeys={integrations.data?.items ?? []} />
    </div>
  );
}

function RecentFailures({
  location,
  names,
}: {
  location: EnvironmentLocation;
  names: ReadonlyMap<string, string>;
}) {
  const failures = useEnvironmentSyncRuns(location, { status: "failed", limit: FAILURES_SHOWN, offset: 0 });
  return (
    <section aria-labelledby="recent-failures" className="flex flex-col gap-2">
      <h2 id="recent-failures" className="text-base font-semibold">
        Recent failures
      </h2>
      {failures.isPending ? <LoadingState /> : null}
      {failures.isError ? <ErrorState error={failures.error} /> : null}
      {failures.data && failures.data.items.length === 0 ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800"
        >
          No failed syncs.
        </p>
      ) : null}
      {failures.data && failures.data.items.length > 0 ? (
        <>
          <SyncRunTable
            runs={failures.data.items}
            caption="Recent failed sync runs"
            integrationNames={names}
            segmentLinks={location}
          />
          {failures.data.totalCount > failures.data.items.length ? (
            <p className="text-xs text-slate-500">
              The {failures.data.items.length} most recent of {failures.data.totalCount} failures; filter by
              status below for all of them.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Stats({ location }: { location: EnvironmentLocation }) {
  const stats = useSyncStats(location, STATS_HOURS);
  if (stats.isPending) return <LoadingState />;
  if (stats.isError) return <ErrorState error={stats.error} />;
  return <SyncChart hours={stats.data.items} />;
}

function AllRuns({
  location,
  names,
  integrationKeys,
}: {
  location: EnvironmentLocation;
  names: ReadonlyMap<string, string>;
  integrationKeys: readonly { key: string; name: string }[];
}) {
  const [integration, setIntegration] = useState("");
  const [status, setStatus] = useState<SyncRunStatus | "">("");
  const [offset, setOffset] = useState(0);
  const integrationId = useId();
  const statusId = useId();
  const runs = useEnvironmentSyncRuns(location, {
    integration: integration === "" ? undefined : integration,
    status: status === "" ? undefined : status,
    limit: ACTIVITY_PAGE_SIZE,
    offset,
  });
  const filtered = integration !== "" || status !== "";
  return (
    <section aria-labelledby="all-sync-runs" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="all-sync-runs" className="text-base font-semibold">
          Sync runs
        </h2>
        <div className="flex flex-wrap gap-3 text-sm">
          <div className="flex flex-col gap-1">
            <label htmlFor={integrationId} className="font-medium text-slate-700">
              Integration
            </label>
            <select
              id={integrationId}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
              value={integration}
              onChange={(event) => {
                setIntegration(event.target.value);
                setOffset(0);
              }}
            >
              <option value="">All sources</option>
              {integrationKeys.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.name}
                </option>
              ))}
              <option value="contexts">API (contexts)</option>
              <option value="import">CSV import</option>
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={statusId} className="font-medium text-slate-700">
              Status
            </label>
            <select
              id={statusId}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
              value={status}
              onChange={(event) => {
                const value = event.target.value;
                setStatus(isSyncStatus(value) ? value : "");
                setOffset(0);
              }}
            >
              <option value="">Any status</option>
              {SYNC_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {runs.isPending ? <LoadingState /> : null}
      {runs.isError ? <ErrorState error={runs.error} /> : null}
      {runs.data && runs.data.items.length === 0 ? (
        <EmptyState title={filtered ? "No sync runs match these filters" : "No sync runs yet"}>
          {filtered
            ? "Try another integration or status."
            : "Runs appear here as soon as an integration pushes to a segment of this environment."}
        </EmptyState>
      ) : null}
      {runs.data && runs.data.items.length > 0 ? (
        <>
          <SyncRunTable
            runs={runs.data.items}
            caption="Sync runs of this environment, newest first"
            integrationNames={names}
            segmentLinks={location}
          />
          <Pager
            label="Sync run pages"
            offset={offset}
            limit={ACTIVITY_PAGE_SIZE}
            totalCount={runs.data.totalCount}
            onChange={setOffset}
          />
        </>
      ) : null}
    </section>
  );
}
