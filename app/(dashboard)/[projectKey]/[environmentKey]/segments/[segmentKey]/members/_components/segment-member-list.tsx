"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { TableScroll } from "@/components/ui/table-scroll";
import {
  segmentMemberExportUrl,
  useSegmentMembers,
  type SegmentLocation,
} from "@/lib/queries/segment-members";
import { formatCount } from "../../../../activity/_components/format";
import { DateTime } from "@/components/time/date-time";

const SEARCH_DELAY_MS = 250;

function SegmentMemberCount({ total, capped, prefix }: { total: number; capped: boolean; prefix: string }) {
  const count = `${formatCount(total)}${capped ? "+" : ""}`;
  if (prefix === "") return <>{`${count} ${total === 1 && !capped ? "member" : "members"}`}</>;
  return (
    <>
      {count} {total === 1 && !capped ? "member starts" : "members start"} with <code>{prefix}</code>
    </>
  );
}

/** The segment's context keys in key order, a page at a time, with a prefix search and a CSV export. */
export function SegmentMemberList({ location }: { location: SegmentLocation }) {
  const [input, setInput] = useState("");
  const [prefix, setPrefix] = useState("");
  const searchId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(input), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);
  const segmentMembers = useSegmentMembers(location, prefix);
  const pages = segmentMembers.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((page) => page.items);

  return (
    <section aria-labelledby="members-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="members-heading" className="text-base font-semibold">
            Members
          </h2>
          <p className="text-sm text-slate-500" aria-live="polite">
            {first ? (
              <SegmentMemberCount total={first.totalCount} capped={first.totalCountCapped} prefix={prefix} />
            ) : (
              " "
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={searchId} className="text-sm font-medium text-slate-700">
              Search by key prefix
            </label>
            <input
              id={searchId}
              type="search"
              value={input}
              onChange={(event) => setInput(event.target.value)}
              placeholder="user-"
              className="w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
            />
          </div>
          <a
            href={segmentMemberExportUrl(location)}
            download
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          >
            Export CSV
          </a>
        </div>
      </div>
      {segmentMembers.isPending ? <LoadingState label="Loading members…" /> : null}
      {segmentMembers.isError ? <ErrorState error={segmentMembers.error} /> : null}
      {segmentMembers.isSuccess && items.length === 0 ? (
        prefix === "" ? (
          <EmptyState title="No members yet">
            Members appear here once a sync or an import adds them.
          </EmptyState>
        ) : (
          <EmptyState title="No matching members">
            No context key starts with <code>{prefix}</code> (the search is case-sensitive).
          </EmptyState>
        )
      ) : null}
      {items.length > 0 ? (
        <TableScroll label="Member table" className="shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of this segment in key order</caption>
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Context key
                </th>
                <th scope="col" className="px-3 py-2">
                  Added
                </th>
                <th scope="col" className="px-3 py-2">
                  Sync run
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.key} className="border-t border-slate-100">
                  <td className="break-all px-3 py-1.5 font-mono text-xs">{entry.key}</td>
                  <td className="whitespace-nowrap px-3 py-1.5">
                    <DateTime epochMs={entry.addedAt} style="relative" />
                  </td>
                  <td
                    className="px-3 py-1.5 font-mono text-xs text-slate-500"
                    title={entry.syncRunId ?? undefined}
                  >
                    {entry.syncRunId ? entry.syncRunId.slice(0, 8) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {segmentMembers.hasNextPage ? (
        <div className="flex items-center gap-3">
          <Button
            variant="secondary"
            onClick={() => void segmentMembers.fetchNextPage()}
            disabled={segmentMembers.isFetchingNextPage}
          >
            {segmentMembers.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
          <span className="text-xs text-slate-500">Showing {formatCount(items.length)}</span>
        </div>
      ) : null}
      {segmentMembers.isFetchNextPageError ? <ErrorState error={segmentMembers.error} /> : null}
    </section>
  );
}
