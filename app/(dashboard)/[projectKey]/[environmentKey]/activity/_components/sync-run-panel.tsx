"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DateTime } from "@/components/time/date-time";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { formatCount, formatDuration, sourceLabel } from "./format";
import { StatusBadge } from "./status-badge";
import { groupSkippedByReason, positionText, skippedCsv } from "./sync-run-summary";

const COUNT_FIELDS = ["received", "added", "removed", "unchanged", "skipped"] as const;

function actorText(run: SyncRunResponse): string {
  if (run.token) return `Token ${run.token.name} …${run.token.ending}`;
  if (run.member) return run.member.email;
  return "System";
}

function downloadSkipped(run: SyncRunResponse) {
  const blob = new Blob([skippedCsv(run.skipped)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `sync-run-${run._id}-skipped.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

function SkippedMembers({ run }: { run: SyncRunResponse }) {
  if (run.counts.skipped === 0) return <p className="text-sm text-slate-500">No members were skipped.</p>;
  const groups = groupSkippedByReason(run.skipped);
  return (
    <section aria-labelledby={`skipped-${run._id}`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`skipped-${run._id}`} className="text-sm font-semibold">
          Skipped members by reason
        </h3>
        {run.skipped.length > 0 ? (
          <Button variant="secondary" onClick={() => downloadSkipped(run)}>
            Download skipped ids (CSV)
          </Button>
        ) : null}
      </div>
      {run.skippedTruncated ? (
        <p className="text-xs text-slate-600">
          The first {formatCount(run.skipped.length)} of {formatCount(run.counts.skipped)} skipped members
          were kept; the download holds those.
        </p>
      ) : null}
      {groups.map((group) => (
        <div key={group.reason} data-testid="skipped-group">
          <h4 className="text-sm font-medium text-slate-800">
            {group.reason}{" "}
            <span className="font-normal text-slate-600">({formatCount(group.entries.length)})</span>
          </h4>
          <ul className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-white text-xs">
            {group.entries.map((entry, index) => (
              <li
                key={`${entry.id}-${entry.position ?? index}`}
                className="flex justify-between gap-3 border-b border-slate-100 px-2 py-1 last:border-0"
              >
                <code className="break-all">{entry.id === "" ? "(empty)" : entry.id}</code>
                <span className="whitespace-nowrap text-slate-600">{positionText(entry)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** One run in full: who, what, the error and every recorded skipped member, grouped by reason. */
export function SyncRunPanel({
  run,
  integrationNames,
  onClose,
}: {
  run: SyncRunResponse;
  integrationNames: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Sync run details"
      size="lg"
      onClose={onClose}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={run.status} /> {sourceLabel(run.source, integrationNames)} ·{" "}
          <DateTime epochMs={run.startedAt} />
        </span>
      }
    >
      {run.error ? (
        <p className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          <span className="font-medium">{run.error.code}</span>: {run.error.message}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
        {COUNT_FIELDS.map((field) => (
          <div key={field}>
            <dt className="text-xs capitalize text-slate-600">{field}</dt>
            <dd className="font-semibold tabular-nums">{formatCount(run.counts[field])}</dd>
          </div>
        ))}
      </dl>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Segments</dt>
        <dd className="break-all">{run.segments.length > 0 ? run.segments.join(", ") : "None"}</dd>
        <dt className="text-slate-600">By</dt>
        <dd className="break-all">{actorText(run)}</dd>
        <dt className="text-slate-600">Duration</dt>
        <dd>{formatDuration(run.durationMs)}</dd>
        {run.includedCountAfter !== null ? (
          <>
            <dt className="text-slate-600">Members afterwards</dt>
            <dd>{formatCount(run.includedCountAfter)}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Run id</dt>
        <dd>
          <code className="break-all text-xs">{run._id}</code>
        </dd>
      </dl>
      <SkippedMembers run={run} />
    </Dialog>
  );
}
