"use client";

import { Button } from "@/components/ui/button";

const countFormat = new Intl.NumberFormat("en-US");

/** Previous / next page of an offset-paged list, with where this page sits in it ("21–40 of 1,204"). */
export function OffsetPager({
  label,
  offset,
  limit,
  totalCount,
  onChange,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  /** The navigation landmark's name, e.g. "Project pages". */
  label: string;
  offset: number;
  limit: number;
  totalCount: number;
  onChange: (offset: number) => void;
  /** A newest-first list says "Newer" and "Older". */
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (totalCount <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, totalCount);
  const first = last === offset ? offset : offset + 1;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {countFormat.format(first)}–{countFormat.format(last)} of {countFormat.format(totalCount)}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {previousLabel}
        </Button>
        <Button variant="secondary" disabled={last >= totalCount} onClick={() => onChange(offset + limit)}>
          {nextLabel}
        </Button>
      </div>
    </nav>
  );
}
