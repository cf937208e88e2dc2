"use client";

import type { SegmentResponse } from "@/lib/schemas/segment";
import { freshnessNeedsClock, segmentFreshness, type Freshness } from "./freshness";
import { useNow } from "@/components/time/use-now";

const LOOKS: Readonly<Record<Freshness, { label: string; className: string; title: string }>> = {
  fresh: { label: "Fresh", className: "bg-green-100 text-green-800", title: "The last sync applied" },
  partial: {
    label: "Partially applied",
    className: "bg-amber-100 text-amber-800",
    title: "The last sync skipped some members",
  },
  stale: { label: "Stale", className: "bg-amber-100 text-amber-900", title: "" },
  never: {
    label: "Never synced",
    className: "bg-slate-100 text-slate-700",
    title: "No sync has arrived yet",
  },
  failed: { label: "Failed", className: "bg-red-100 text-red-800", title: "The last sync failed" },
};

/** Fresh, partial, stale (no sync for longer than `staleAfterHours`), never synced, or failed. */
export function FreshnessBadge({
  segment,
  staleAfterHours,
}: {
  segment: Pick<SegmentResponse, "_external" | "_lastSync">;
  staleAfterHours: number;
}) {
  const now = useNow();
  if (now === null && freshnessNeedsClock(segment)) return null;
  const freshness = segmentFreshness(segment, staleAfterHours, now ?? 0);
  if (freshness === null) return null;
  const look = LOOKS[freshness];
  const title = freshness === "stale" ? `No sync for more than ${staleAfterHours} hours` : look.title;
  return (
    <span
      title={title}
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`}
    >
      {look.label}
    </span>
  );
}
