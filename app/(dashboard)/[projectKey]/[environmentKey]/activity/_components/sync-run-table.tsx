"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { formatCount, formatDuration, sourceLabel } from "./format";
import { DateTime } from "@/components/time/date-time";
import { StatusBadge } from "./status-badge";

type Props = {
  runs: SyncRunResponse[];
  caption: string;
  integrationNames: ReadonlyMap<string, string>;
  /** Set on the activity page: a column links each run's segments to their Sync tab. */
  segmentLinks?: { projectKey: string; environmentKey: string };
};

const COUNT_COLUMNS = ["received", "added", "removed", "unchanged", "skipped"] as const;

function Actor({ run }: { run: SyncRunResponse }) {
  if (run.token) {
    return (
      <span title={`Token ${run.token._id}`}>
        {run.token.name} <span className="whitespace-nowrap text-slate-500">…{run.token.ending}</span>
      </span>
    );
  }
  if (run.member) return <span>{run.member.email}</span>;
  return <span className="text-slate-500">system</span>;
}

function RunDetails({ run }: { run: SyncRunResponse }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-xs text-slate-500">
        Run <code>{run._id}</code>
        {run.includedCountAfter !== null
          ? ` · ${formatCount(run.includedCountAfter)} members afterwards`
          : ""}
      </p>
      {run.error ? (
        <p className="rounded border border-red-200 bg-red-50 p-2 text-red-800">
          <span className="font-medium">{run.error.code}</span>: {run.error.message}
        </p>
      ) : null}
      {run.skipped.length > 0 ? (
        <div>
          <p className="font-medium text-slate-700">Skipped members</p>
          <ul className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-white text-xs">
            {run.skipped.map((entry, index) => (
              <li
                key={`${entry.id}-${index}`}
                className="flex gap-3 border-b border-slate-100 px-2 py-1 last:border-0"
              >
                <code className="break-all">{entry.id === "" ? "(empty)" : entry.id}</code>
                <span className="text-slate-600">{entry.reason}</span>
              </li>
            ))}
          </ul>
          {run.skippedTruncated ? (
            <p className="mt-1 text-xs text-slate-500">
              Only the first {run.skipped.length} of {formatCount(run.counts.skipped)} skipped members are
              listed.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-slate-500">No members were skipped.</p>
      )}
    </div>
  );
}

/** Sync runs, newest first; each row expands to its skipped members and error. */
export function SyncRunTable({ runs, caption, integrationNames, segmentLinks }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = 8 + COUNT_COLUMNS.length + (segmentLinks ? 1 : 0);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-2">
              Status
            </th>
            <th scope="col" className="px-2 py-2">
              Started
            </th>
            <th scope="col" className="px-2 py-2">
              Source
            </th>
            {segmentLinks ? (
              <th scope="col" className="px-2 py-2">
                Segments
              </th>
            ) : null}
            <th scope="col" className="px-2 py-2">
              By
            </th>
            {COUNT_COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 text-right">
                {column}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-right">
              Duration
            </th>
            <th scope="col" className="px-2 py-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const open = expanded.has(run._id);
            const detailsId = `sync-run-details-${run._id}`;
            return (
              <Fragment key={run._id}>
                <tr className="border-t border-slate-100 align-top" data-testid="sync-run-row">
                  <td className="px-2 py-2">
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="whitespace-nowrap px-2 py-2">
                    <DateTime epochMs={run.startedAt} style="relative" />
                  </td>
                  <td className="px-2 py-2">{sourceLabel(run.source, integrationNames)}</td>
                  {segmentLinks ? (
                    <td className="px-2 py-2">
                      <ul className="flex flex-col">
                        {run.segments.map((segmentKey) => (
                          <li key={segmentKey}>
                            <Link
                              className="text-indigo-700 hover:underline"
                              href={`/${encodeURIComponent(segmentLinks.projectKey)}/${encodeURIComponent(segmentLinks.environmentKey)}/segments/${encodeURIComponent(segmentKey)}/sync`}
                            >
                              {segmentKey}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                  ) : null}
                  <td className="min-w-32 px-2 py-2">
                    <Actor run={run} />
                  </td>
                  {COUNT_COLUMNS.map((column) => (
                    <td key={column} className="px-2 py-2 text-right tabular-nums">
                      {formatCount(run.counts[column])}
                    </td>
                  ))}
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                    {formatDuration(run.durationMs)}
                  </td>
                  <td className="px-2 py-2 text-right">
                    <button
                      type="button"
                      className="rounded px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                      aria-expanded={open}
                      aria-controls={detailsId}
                      onClick={() => toggle(run._id)}
                    >
                      {open ? "Hide" : "Details"}
                      <span className="sr-only">
                        {" "}
                        of the run started {new Date(run.startedAt).toISOString()}
                      </span>
                    </button>
                  </td>
                </tr>
                {open ? (
                  <tr id={detailsId} className="bg-slate-50">
                    <td colSpan={columns} className="px-3 py-3">
                      <RunDetails run={run} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
