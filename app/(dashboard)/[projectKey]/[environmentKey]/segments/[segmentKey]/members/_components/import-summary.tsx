import type { ImportSummary } from "@/lib/schemas/segment-import";
import { formatCount } from "../../../../activity/_components/format";

const FIELDS = ["received", "added", "removed", "unchanged", "skipped"] as const;

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
      <p className="font-medium">
        Import applied. The segment now has {formatCount(summary.includedCount)} members.
      </p>
      <dl className="mt-2 grid grid-cols-5 gap-2" aria-label="Import summary">
        {FIELDS.map((field) => (
          <div key={field}>
            <dt className="text-xs capitalize text-green-800">{field}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`import-${field}`}>
              {formatCount(summary[field])}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
