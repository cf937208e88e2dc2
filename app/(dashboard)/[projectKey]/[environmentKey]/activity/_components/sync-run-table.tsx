"use client";

import Link from "next/link";
import { useState } from "react";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { DateTime } from "@/components/time/date-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { sourceLabel } from "./format";
import { StatusBadge } from "./status-badge";
import { SyncRunPanel } from "./sync-run-panel";
import { countsCellText, runReason } from "./sync-run-summary";

type Props = {
  runs: SyncRunResponse[];
  caption: string;
  integrationNames: ReadonlyMap<string, string>;
  /** Set on the activity page: a column links each run's segments to their Sync tab. */
  segmentLinks?: { projectKey: string; environmentKey: string };
};

const REASON_CLASSES: Readonly<Record<SyncRunResponse["status"], string>> = {
  failed: "text-red-800",
  partially_applied: "text-amber-900",
  succeeded: "text-slate-600",
};

/**
 * Sync runs, newest first, in few columns: status, time, source, segments, one cell with the counts and why the run
 * did not apply fully. Everything else (who, the error code, skipped members by reason) is in the run's panel.
 */
export function SyncRunTable({ runs, caption, integrationNames, segmentLinks }: Props) {
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const openRun = runs.find((run) => run._id === openRunId) ?? null;
  return (
    <>
      <TableScroll label="Sync run table" className="shadow-sm">
        <table className="w-full text-left text-sm" data-testid="sync-run-table">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                Started
              </th>
              <th scope="col" className="px-3 py-2">
                Source
              </th>
              {segmentLinks ? (
                <th scope="col" className="px-3 py-2">
                  Segment
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2">
                Result
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const reason = runReason(run);
              return (
                <tr key={run._id} className="border-t border-slate-100 align-top" data-testid="sync-run-row">
                  <td className="px-3 py-2">
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <DateTime epochMs={run.startedAt} style="relative" />
                  </td>
                  <td className="px-3 py-2">{sourceLabel(run.source, integrationNames)}</td>
                  {segmentLinks ? (
                    <td className="max-w-56 px-3 py-2">
                      <ul className="flex flex-col">
                        {run.segments.map((segmentKey) => (
                          <li key={segmentKey} className="break-all">
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
                  <td className="px-3 py-2">
                    <span className="tabular-nums" data-testid="sync-run-counts">
                      {countsCellText(run.counts, run.status)}
                    </span>
                    {reason ? (
                      <span
                        className={`block break-words text-xs ${REASON_CLASSES[run.status]}`}
                        data-testid="sync-run-reason"
                      >
                        {reason}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <button
                      type="button"
                      className="rounded px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                      aria-haspopup="dialog"
                      onClick={() => setOpenRunId(run._id)}
                    >
                      Details
                      <span className="sr-only">
                        {" "}
                        of the run started {new Date(run.startedAt).toISOString()}
                      </span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {openRun ? (
        <SyncRunPanel run={openRun} integrationNames={integrationNames} onClose={() => setOpenRunId(null)} />
      ) : null}
    </>
  );
}
