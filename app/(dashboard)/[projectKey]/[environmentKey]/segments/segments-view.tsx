"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { OpenAlertsNotice } from "@/components/alerts/open-alerts-notice";
import { Breadcrumbs, environmentCrumbs } from "@/components/layout/breadcrumbs";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  useSegments,
  type SegmentListFilters,
} from "@/lib/queries/segments";
import { BulkTagBar } from "./_components/bulk-tag-bar";
import { SegmentFilters } from "./_components/segment-filters";
import { SegmentsTable } from "./_components/segments-table";

type Props = { projectKey: string; environmentKey: string; names: EnvironmentNames; staleAfterHours: number };

export function SegmentsView({ projectKey, environmentKey, names: environment, staleAfterHours }: Props) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the one place the filters live: a filtered list can be reloaded, shared, and prefetched by the server.
  const filters = filtersFromSearchParams(new URLSearchParams(searchParams.toString()));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkSummary, setBulkSummary] = useState<string | null>(null);
  const location = { projectKey, environmentKey };
  const segments = useSegments(location, filters);
  const integrations = useIntegrations();
  const names = integrationNames(integrations.data?.items);
  const base = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;
  const total = segments.data?.totalCount ?? 0;
  const items = segments.data?.items ?? [];

  const show = (changes: Partial<SegmentListFilters>) => {
    // From the address bar, not this render: a second change before the re-render must build on the first.
    // The native history call updates it at once, and Next.js passes it on to useSearchParams.
    const current = filtersFromSearchParams(new URLSearchParams(window.location.search));
    const query = filtersToSearchParams({ ...current, offset: 0, ...changes }).toString();
    setSelected(new Set());
    window.history.replaceState(null, "", query === "" ? pathname : `${pathname}?${query}`);
  };
  const addTagFilter = (tag: string) => {
    // Tags match case-insensitively: "Beta" after "beta" would filter for the same segments twice.
    const folded = tag.toLowerCase();
    if (!filters.tags.some((other) => other.toLowerCase() === folded)) show({ tags: [...filters.tags, tag] });
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Breadcrumbs items={[...environmentCrumbs(environment), { label: "Segments" }]} />
          <h1 className="text-2xl font-semibold">Segments</h1>
        </div>
        <nav aria-label="Environment" className="flex gap-3 text-sm">
          <Link className="text-indigo-700 hover:underline" href={`${base}/activity`}>
            Sync activity
          </Link>
          <Link className="text-indigo-700 hover:underline" href={`${base}/stores`}>
            Persistent stores
          </Link>
          <Link className="text-indigo-700 hover:underline" href={`${base}/alerts`}>
            Alerts
          </Link>
        </nav>
      </div>
      <OpenAlertsNotice projectKey={projectKey} environmentKey={environmentKey} />

      <SegmentFilters
        filters={filters}
        integrations={integrations.data?.items ?? []}
        onChange={show}
        onAddTag={addTagFilter}
      />

      {selected.size > 0 ? (
        <BulkTagBar
          location={location}
          keys={[...selected]}
          onDone={(summary) => {
            setSelected(new Set());
            setBulkSummary(summary);
          }}
        />
      ) : null}
      {bulkSummary !== null && selected.size === 0 ? (
        <p role="status" className="text-sm text-green-800">
          {bulkSummary}
        </p>
      ) : null}

      {segments.isPending ? <LoadingState /> : null}
      {segments.isError ? <ErrorState error={segments.error} /> : null}
      {segments.data && items.length === 0 ? (
        <EmptyState title="No segments">
          {filters.query !== "" ||
          filters.tags.length > 0 ||
          filters.integration !== "any" ||
          filters.freshness !== "any"
            ? "No segment matches these filters."
            : "Segments appear here when a partner tool pushes its first cohort."}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <SegmentsTable
          segments={items}
          environmentHref={base}
          integrationNames={names}
          staleAfterHours={staleAfterHours}
          selected={selected}
          onSelectedChange={setSelected}
          onAddTag={addTagFilter}
        />
      ) : null}
      {total > filters.limit ? (
        <div className="flex items-center justify-between text-sm">
          <span>
            {filters.offset + 1}–{Math.min(total, filters.offset + filters.limit)} of{" "}
            {total.toLocaleString("en-US")}
          </span>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              disabled={filters.offset === 0}
              onClick={() => show({ offset: Math.max(0, filters.offset - filters.limit) })}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              disabled={filters.offset + filters.limit >= total}
              onClick={() => show({ offset: filters.offset + filters.limit })}
            >
              Next
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
