"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { useSegments, type SegmentListFilters } from "@/lib/queries/segments";

type Props = { projectKey: string; environmentKey: string; initialFilters: SegmentListFilters };

function lastSync(segment: SegmentResponse): string {
  if (!segment._lastSync) return segment._external ? "never" : "—";
  const minutes = Math.round((Date.now() - segment._lastSync.at) / 60_000);
  const when =
    minutes < 1 ? "just now" : minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
  return `${when} (${segment._lastSync.status.replace("_", " ")})`;
}

export function SegmentsView({ projectKey, environmentKey, initialFilters }: Props) {
  const [filters, setFilters] = useState(initialFilters);
  const [search, setSearch] = useState("");
  const segments = useSegments({ projectKey, environmentKey }, filters);
  const base = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;
  const total = segments.data?.totalCount ?? 0;

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
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...filters, query: search, offset: 0 });
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
          className="w-72 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {segments.isPending ? <LoadingState /> : null}
      {segments.isError ? <ErrorState error={segments.error} /> : null}
      {segments.data && segments.data.items.length === 0 ? (
        <EmptyState title="No segments">
          Segments appear here when a partner tool pushes its first cohort.
        </EmptyState>
      ) : null}
      {segments.data && segments.data.items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Integration</th>
                <th className="px-3 py-2">Kind</th>
                <th className="px-3 py-2 text-right">Members</th>
                <th className="px-3 py-2">Tags</th>
                <th className="px-3 py-2">Last sync</th>
              </tr>
            </thead>
            <tbody>
              {segments.data.items.map((segment) => (
                <tr key={segment.key} className="border-t border-slate-100">
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
                  <td className="px-3 py-2">{segment._external ?? "—"}</td>
                  <td className="px-3 py-2">{segment.unboundedContextKind}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {segment._unboundedMetadata.includedCount.toLocaleString("en-US")}
                  </td>
                  <td className="px-3 py-2">
                    {segment.tags.map((tag) => (
                      <span key={tag} className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{lastSync(segment)}</td>
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
              onClick={() => setFilters({ ...filters, offset: Math.max(0, filters.offset - filters.limit) })}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              disabled={filters.offset + filters.limit >= total}
              onClick={() => setFilters({ ...filters, offset: filters.offset + filters.limit })}
            >
              Next
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
