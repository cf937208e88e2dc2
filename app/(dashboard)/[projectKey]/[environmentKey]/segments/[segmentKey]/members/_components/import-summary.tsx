import type { ImportSummary } from "@/lib/schemas/segment-import";
import { formatCount, plural } from "../../../../activity/_components/format";

const FIELDS = ["received", "added", "removed", "unchanged", "skipped"] as const;

function SkippedRows({ summary }: { summary: ImportSummary }) {
  return (
    <div className="mt-3 flex flex-col gap-1" data-testid="import-skipped-rows">
      <p className="font-medium">
        {plural(summary.skipped, "row was", "rows were")} skipped: not valid context keys.
      </p>
      <ul className="max-h-48 overflow-auto rounded border border-amber-200 bg-white text-xs text-slate-800">
        {summary.skippedRows.map((row, index) => (
          <li
            key={`${row.position ?? index}-${index}`}
            className="flex gap-3 border-b border-slate-100 px-2 py-1 last:border-0"
          >
            <span className="whitespace-nowrap font-medium">
              {row.position === undefined ? "Line unknown" : `Line ${formatCount(row.position)}`}
            </span>
            <code className="break-all">{row.id === "" ? "(empty)" : row.id}</code>
            <span className="text-slate-600">{row.reason}</span>
          </li>
        ))}
      </ul>
      {summary.skipped > summary.skippedRows.length ? (
        <p className="text-xs">
          The first {formatCount(summary.skippedRows.length)} are listed; the import&apos;s sync run lists
          them too.
        </p>
      ) : null}
    </div>
  );
}

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const partial = summary.skipped > 0;
  return (
    <div
      role="status"
      className={`rounded-md border p-3 text-sm ${partial ? "border-amber-200 bg-amber-50 text-amber-950" : "border-green-200 bg-green-50 text-green-900"}`}
    >
      <p className="font-medium">
        {partial ? "Import partially applied." : "Import applied."} The segment now has{" "}
        {formatCount(summary.includedCount)} members.
      </p>
      <dl className="mt-2 grid grid-cols-5 gap-2" aria-label="Import summary">
        {FIELDS.map((field) => (
          <div key={field}>
            <dt className="text-xs capitalize">{field}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`import-${field}`}>
              {formatCount(summary[field])}
            </dd>
          </div>
        ))}
      </dl>
      {partial ? <SkippedRows summary={summary} /> : null}
    </div>
  );
}
