"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { EmptyState } from "@/components/ui/states";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { formatCount, plural } from "../../../activity/_components/format";

const timeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export type SegmentSizePoint = { at: number; included: number; added: number; removed: number };

/** The runs that changed the segment, oldest first; failed runs changed nothing and have no count after. */
export function segmentSizePoints(runs: readonly SyncRunResponse[]): SegmentSizePoint[] {
  return runs
    .flatMap((run) =>
      run.includedCountAfter === null
        ? []
        : [
            {
              at: run.startedAt,
              included: run.includedCountAfter,
              added: run.counts.added,
              removed: 0 - run.counts.removed,
            },
          ],
    )
    .sort((a, b) => a.at - b.at);
}

/** Included count after each sync (line) with the keys each sync added and removed (bars above and below zero). */
export function SegmentSizeChart({ runs }: { runs: readonly SyncRunResponse[] }) {
  const points = segmentSizePoints(runs);
  if (points.length === 0) {
    return (
      <EmptyState title="No syncs yet">The member count over time appears after the first sync.</EmptyState>
    );
  }
  const added = points.reduce((sum, point) => sum + point.added, 0);
  const removed = points.reduce((sum, point) => sum - point.removed, 0);
  const last = points[points.length - 1];
  return (
    <figure aria-label="Member count over time">
      <ComposedChart
        responsive
        style={{ width: "100%", height: 260 }}
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(value: number) => timeFormat.format(value)}
          tick={{ fontSize: 11 }}
          minTickGap={32}
        />
        <YAxis
          yAxisId="changes"
          allowDecimals={false}
          tick={{ fontSize: 11 }}
          width={56}
          tickFormatter={(value: number) => formatCount(value)}
        />
        <YAxis
          yAxisId="included"
          orientation="right"
          allowDecimals={false}
          tick={{ fontSize: 11 }}
          width={64}
          tickFormatter={(value: number) => formatCount(value)}
        />
        <Tooltip
          labelFormatter={(value) => (typeof value === "number" ? timeFormat.format(value) : "")}
          formatter={(value) => (typeof value === "number" ? formatCount(Math.abs(value)) : String(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine yAxisId="changes" y={0} stroke="#94a3b8" />
        <Bar yAxisId="changes" dataKey="added" name="Added" fill="#16a34a" isAnimationActive={false} />
        <Bar yAxisId="changes" dataKey="removed" name="Removed" fill="#dc2626" isAnimationActive={false} />
        <Line
          yAxisId="included"
          dataKey="included"
          name="Members"
          type="stepAfter"
          stroke="#4f46e5"
          strokeWidth={2}
          dot={points.length < 40}
          isAnimationActive={false}
        />
      </ComposedChart>
      <figcaption className="mt-2 text-xs text-slate-500">
        {plural(points.length, "sync")}: {plural(added, "member")} added, {formatCount(removed)} removed;{" "}
        {last ? `${plural(last.included, "member")} after the latest` : ""}
      </figcaption>
    </figure>
  );
}
