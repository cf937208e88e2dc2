"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { FreshnessBadge } from "@/components/segments/freshness-badge";
import { IntegrationBadge } from "@/components/segments/integration-badge";
import { DateTime } from "@/components/time/date-time";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  useSegments,
  type FreshnessFilter,
  type SegmentListFilters,
} from "@/lib/queries/segments";
import type { SegmentSort } from "@/lib/schemas/segment";
import { BulkTagBar } from "./_components/bulk-tag-bar";

type Props = { projectKey: string; environmentKey: string; staleAfterHours: number };

const SORT_LABELS: Record<SegmentSort, string> = {
  "-creationDate": "Newest first",
  creationDate: "Oldest first",
  name: "Name A–Z",
  "-name": "Name Z–A",
  "-lastModified": "Recently modified",
  lastModified: "Least recently modified",
};

const FRESHNESS_LABELS: Record<FreshnessFilter, string> = {
  any: "Any sync state",
  fresh: "Fresh",
  partial: "Partial",
  stale: "Stale",
  never: "Never synced",
  failed: "Failed",
};

const selectClass = "max-w-52 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function SegmentsView({ projectKey, environmentKey, staleAfterHours }: Props) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The URL is the one place the filters live: a filtered list can be reloaded, shared, and prefetched by the server.
  const filters = filtersFromSearchParams(new URLSearchParams(searchParams.toString()));
  const [search, setSearch] = useState(filters.query);
  const [tagDraft, setTagDraft] = useState("");
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
    if (!filters.tags.includes(tag)) show({ tags: [...filters.tags, tag] });
  };
  const allOnPageSelected = items.length > 0 && items.every((segment) => selected.has(segment.key));

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/projects/${encodeURIComponent(projectKey)}`} className="hover:underline">
              {projectKey}
            </Link>{" "}
            / {environmentKey}
          </p>
          <h1 className="text-2xl font-semibold">Segments</h1>
        </div>
        <nav aria-label="Environment" className="flex gap-3 text-sm">
          <Link className="text-indigo-700 hover:underline" href={`${base}/activity`}>
            Sync activity
          </Link>
          <Link className="text-indigo-700 hover:underline" href={`${base}/stores`}>
            Persistent stores
          </Link>
        </nav>
      </div>

      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            show({ query: search.trim() });
          }}
        >
          <label htmlFor="segment-search" className="sr-only">
            Search segments
          </label>
          <input
            id="segment-search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search by name or key"
            className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const tag = tagDraft.trim();
            if (tag !== "") addTagFilter(tag);
            setTagDraft("");
          }}
        >
          <label htmlFor="segment-tag-filter" className="sr-only">
            Filter by tag
          </label>
          <input
            id="segment-tag-filter"
            value={tagDraft}
            onChange={(event) => setTagDraft(event.target.value)}
            placeholder="Filter by tag"
            className="w-36 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
        </form>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Integration
          <select
            className={selectClass}
            value={filters.integration}
            onChange={(event) => show({ integration: event.target.value })}
          >
            <option value="any">Any</option>
            <option value="synced">Synced by any tool</option>
            <option value="unsynced">Managed here (not synced)</option>
            {(integrations.data?.items ?? []).map((integration) => (
              <option key={integration.key} value={integration.key}>
                {integration.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Sync state
          <select
            className={selectClass}
            value={filters.freshness}
            onChange={(event) => show({ freshness: event.target.value as FreshnessFilter })}
          >
            {Object.entries(FRESHNESS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Sort
          <select
            className={selectClass}
            value={filters.sort}
            onChange={(event) => show({ sort: event.target.value as SegmentSort })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {filters.tags.length > 0 || filters.query !== "" ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2 text-sm">
          {filters.query !== "" ? (
            <li>
              <button
                type="button"
                className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-indigo-800 hover:bg-indigo-100"
                aria-label={`Remove search ${filters.query}`}
                onClick={() => {
                  setSearch("");
                  show({ query: "" });
                }}
              >
                “{filters.query}” ×
              </button>
            </li>
          ) : null}
          {filters.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-indigo-800 hover:bg-indigo-100"
                aria-label={`Remove tag filter ${tag}`}
                onClick={() => show({ tags: filters.tags.filter((other) => other !== tag) })}
              >
                tag: {tag} ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}

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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select every segment on this page"
                    checked={allOnPageSelected}
                    onChange={() =>
                      setSelected(
                        allOnPageSelected ? new Set() : new Set(items.map((segment) => segment.key)),
                      )
                    }
                  />
                </th>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Integration</th>
                <th className="px-3 py-2">Kind</th>
                <th className="px-3 py-2 text-right">Members</th>
                <th className="px-3 py-2">Tags</th>
                <th className="px-3 py-2">Last sync</th>
              </tr>
            </thead>
            <tbody>
              {items.map((segment) => (
                <tr key={segment.key} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={`Select ${segment.name}`}
                      checked={selected.has(segment.key)}
                      onChange={() => {
                        const next = new Set(selected);
                        if (next.has(segment.key)) next.delete(segment.key);
                        else next.add(segment.key);
                        setSelected(next);
                      }}
                    />
                  </td>
                  <td className="px-3 py-2">
                    <Link
                      className="font-medium text-indigo-700 hover:underline"
                      href={`${base}/segments/${encodeURIComponent(segment.key)}`}
                    >
                      {segment.name}
                    </Link>
                    <div className="text-xs text-slate-500">
                      <code>{segment.key}</code>
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    {segment._external ? (
                      <IntegrationBadge
                        integrationKey={segment._external}
                        name={names.get(segment._external)}
                      />
                    ) : (
                      <span className="text-slate-500">Managed here</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{segment.unboundedContextKind}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {segment._unboundedMetadata.includedCount.toLocaleString("en-US")}
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-1">
                      {segment.tags.map((tag) => (
                        <button
                          key={tag}
                          type="button"
                          title={`Show only segments tagged ${tag}`}
                          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-indigo-100"
                          onClick={() => addTagFilter(tag)}
                        >
                          {tag}
                        </button>
                      ))}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    <div className="flex items-center gap-2">
                      {segment._lastSync ? (
                        <DateTime epochMs={segment._lastSync.at} style="relative" />
                      ) : (
                        <span>{segment._external ? "never" : "—"}</span>
                      )}
                      <FreshnessBadge segment={segment} staleAfterHours={staleAfterHours} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
