"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useId } from "react";
import { Breadcrumbs, environmentCrumbs } from "@/components/layout/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";
import { formText } from "@/lib/form-value";
import { useIntegrations } from "@/lib/queries/integrations";
import { useEnvironmentSyncRuns, useSyncStats, type EnvironmentLocation } from "@/lib/queries/sync-runs";
import { ACTIVITY_PAGE_SIZE, FAILURES_SHOWN, STATS_HOURS } from "./_components/activity-constants";
import { integrationNames } from "@/lib/queries/integrations";
import {
  hasActivityFilters,
  NO_ACTIVITY_FILTERS,
  readActivityFilters,
  runsFilter,
  writeActivityFilters,
  type ActivityFilters,
} from "./_components/activity-filters";
import { OffsetPager } from "@/components/ui/offset-pager";
import { isSyncStatus, STATUS_LABELS, SYNC_STATUSES } from "./_components/status-badge";
import { SyncChart } from "./_components/sync-chart";
import { RejectedPushesSection } from "./_components/rejected-pushes-section";
import { SyncRunTable } from "./_components/sync-run-table";

const selectClass = "max-w-52 rounded-md border border-slate-300 bg-white px-2 py-1.5";

export function ActivityView({
  names: environment,
  ...location
}: EnvironmentLocation & { names: EnvironmentNames }) {
  const integrations = useIntegrations();
  const names = integrationNames(integrations.data?.items);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs items={[...environmentCrumbs(environment), { label: "Sync activity" }]} />
        <h1 className="text-2xl font-semibold">Sync activity</h1>
        <p className="text-sm text-slate-500">
          Every push to this environment&apos;s segments, from integrations, the API and CSV imports. Updates
          every few seconds.
        </p>
      </div>
      <RecentFailures location={location} names={names} />
      <RejectedPushesSection location={location} integrationNames={names} />
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
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the one place the filters live: a filtered list survives a reload and Back, and can be shared.
  const filters = readActivityFilters(new URLSearchParams(searchParams.toString()));
  const apply = (changes: Partial<ActivityFilters>) => {
    const query = writeActivityFilters({ ...filters, offset: 0, ...changes }).toString();
    window.history.pushState(null, "", query === "" ? pathname : `${pathname}?${query}`);
  };
  const sourceId = useId();
  const statusId = useId();
  const segmentId = useId();
  const runs = useEnvironmentSyncRuns(location, runsFilter(filters));
  const filtered = hasActivityFilters(filters);
  return (
    <section aria-labelledby="all-sync-runs" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="all-sync-runs" className="text-base font-semibold">
          Sync runs
        </h2>
        <form
          className="flex flex-wrap items-end gap-3 text-sm"
          aria-label="Filter sync runs"
          onSubmit={(event) => {
            event.preventDefault();
            apply({ segment: formText(new FormData(event.currentTarget), "segment").trim() });
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={statusId} className="font-medium text-slate-700">
              Status
            </label>
            <select
              id={statusId}
              className={selectClass}
              value={filters.status ?? ""}
              onChange={(event) => {
                const value = event.target.value;
                apply({ status: isSyncStatus(value) ? value : null });
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
          <div className="flex flex-col gap-1">
            <label htmlFor={sourceId} className="font-medium text-slate-700">
              Source
            </label>
            <select
              id={sourceId}
              className={selectClass}
              value={filters.source}
              onChange={(event) => apply({ source: event.target.value })}
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
            <label htmlFor={segmentId} className="font-medium text-slate-700">
              Segment key
            </label>
            <input
              // Back or a link may change the segment under the field: a new field shows it (and focus stays on
              // the selects, which are controlled).
              key={filters.segment}
              id={segmentId}
              name="segment"
              defaultValue={filters.segment}
              placeholder="Any segment"
              autoComplete="off"
              className="w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {filtered ? (
            <Button variant="ghost" onClick={() => apply(NO_ACTIVITY_FILTERS)}>
              Clear filters
            </Button>
          ) : null}
        </form>
      </div>
      {runs.isPending ? <LoadingState /> : null}
      {runs.isError ? <ErrorState error={runs.error} /> : null}
      {runs.data && runs.data.items.length === 0 ? (
        <EmptyState title={filtered ? "No sync runs match these filters" : "No sync runs yet"}>
          {filtered
            ? "Try another status, source or segment."
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
          <OffsetPager
            label="Sync run pages"
            previousLabel="Newer"
            nextLabel="Older"
            offset={filters.offset}
            limit={ACTIVITY_PAGE_SIZE}
            totalCount={runs.data.totalCount}
            onChange={(offset) => apply({ offset })}
          />
        </>
      ) : null}
    </section>
  );
}
