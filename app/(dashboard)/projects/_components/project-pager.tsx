"use client";

import { Button } from "@/components/ui/button";

/** Previous / next page of the project list, with where this page sits in it. */
export function ProjectPager({
  offset,
  limit,
  shown,
  totalCount,
  onChange,
}: {
  offset: number;
  limit: number;
  shown: number;
  totalCount: number;
  onChange: (offset: number) => void;
}) {
  if (totalCount <= limit && offset === 0) return null;
  return (
    <nav
      aria-label="Project pages"
      className="flex items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>
        {shown === 0 ? 0 : offset + 1}–{offset + shown} of {totalCount}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          disabled={offset + limit >= totalCount}
          onClick={() => onChange(offset + limit)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
