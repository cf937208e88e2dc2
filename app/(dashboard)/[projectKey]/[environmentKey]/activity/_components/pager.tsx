"use client";

import { Button } from "@/components/ui/button";
import { formatCount } from "./format";

/** Newer / older pages of a newest-first collection. */
export function Pager({
  offset,
  limit,
  totalCount,
  onChange,
  label,
}: {
  offset: number;
  limit: number;
  totalCount: number;
  onChange: (offset: number) => void;
  label: string;
}) {
  if (totalCount <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, totalCount);
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {formatCount(offset + 1)}–{formatCount(last)} of {formatCount(totalCount)}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          Newer
        </Button>
        <Button variant="secondary" disabled={last >= totalCount} onClick={() => onChange(offset + limit)}>
          Older
        </Button>
      </div>
    </nav>
  );
}
