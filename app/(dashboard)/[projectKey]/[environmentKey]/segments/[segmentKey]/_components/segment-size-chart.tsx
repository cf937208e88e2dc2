"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { useInBrowser } from "@/lib/hooks/use-in-browser";
import { DateTime } from "@/components/time/date-time";
import { EmptyState } from "@/components/ui/states";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { formatCount, plural } from "../../../activity/_components/format";
import { segmentSizeChartData, type SegmentSizePoint } from "./segment-size-data";

const CHART_HEIGHT = 260;
/** Above this many syncs the points shrink, so the line stays readable. */
const LARGE_POINTS_UP_TO = 40;
const fullTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

function SyncTooltip({
  active,
  label,
  points,
}: Pick<TooltipContentProps<number, string>, "active" | "label"> & { points: readonly SegmentSizePoint[] }) {
  const point = points.find((candidate) => candidate.at === label);
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow-sm">
      <p className="font-medium">{fullTime.format(point.at)}</p>
      <p>{plural(point.included, "member")} after this sync</p>
      <p>
        {formatCount(point.added)} added, {formatCount(point.removed)} removed
      </p>
    </div>
  );
}

/** The member count after each sync: a step line on a time axis, one count axis, and the same numbers as a table. */
export function SegmentSizeChart({ runs }: { runs: readonly SyncRunResponse[] }) {
  const inBrowser = useInBrowser();
  const data = segmentSizeChartData(runs);
  if (data === null) {
    return (
      <EmptyState title="No syncs yet">The member count over time appears after the first sync.</EmptyState>
    );
  }
  const { points, time, members, totals } = data;
  const tickFormat = new Intl.DateTimeFormat("en-US", time.format);
  const last = points[points.length - 1];
  return (
    <figure aria-label="Member count over time">
      {inBrowser ? (
        <LineChart
          responsive
          style={{ width: "100%", height: CHART_HEIGHT }}
          data={points}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={time.domain}
            ticks={time.ticks}
            tickFormatter={(value: number) => tickFormat.format(value)}
            tick={{ fontSize: 11 }}
            height={44}
            label={{ value: "Time of sync", position: "insideBottom", fontSize: 11 }}
          />
          <YAxis
            type="number"
            domain={members.domain}
            ticks={members.ticks}
            allowDecimals={false}
            tickFormatter={(value: number) => formatCount(value)}
            tick={{ fontSize: 11 }}
            width={72}
            label={{ value: "Members", angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <Tooltip
            content={({ active, label }) => <SyncTooltip active={active} label={label} points={points} />}
          />
          <Line
            dataKey="included"
            name="Members"
            type="stepAfter"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={{ r: points.length > LARGE_POINTS_UP_TO ? 2 : 4, fill: "#4f46e5" }}
            isAnimationActive={false}
          />
        </LineChart>
      ) : (
        <div style={{ height: CHART_HEIGHT }} />
      )}
      <figcaption className="mt-2 text-xs text-slate-600">
        {plural(points.length, "sync")}: {plural(totals.added, "member")} added, {formatCount(totals.removed)}{" "}
        removed; {last ? `${plural(last.included, "member")} after the latest` : ""}
      </figcaption>
      <ChartDataTable
        caption="Member count after each sync, oldest first"
        columns={["Sync time", "Members after", "Added", "Removed"]}
        rows={points.map((point, index) => ({
          key: `${point.at}-${index}`,
          cells: [
            <DateTime key="at" epochMs={point.at} />,
            formatCount(point.included),
            formatCount(point.added),
            formatCount(point.removed),
          ],
        }))}
      />
    </figure>
  );
}
