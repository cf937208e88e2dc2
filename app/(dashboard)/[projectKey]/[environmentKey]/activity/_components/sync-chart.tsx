"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import type { CountAxis } from "@/components/charts/count-axis";
import { useInBrowser } from "@/lib/hooks/use-in-browser";
import { DateTime } from "@/components/time/date-time";
import { EmptyState } from "@/components/ui/states";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";
import { formatCount, plural } from "./format";
import { syncChartData, type SyncChartData } from "./sync-chart-data";

const PANEL_HEIGHT = 170;
const hourStart = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** One panel: bars per hour on the shared hour axis, with one labelled count axis. */
function HourlyBars({
  data,
  counts,
  axisLabel,
  children,
}: {
  data: SyncChartData;
  counts: CountAxis;
  axisLabel: string;
  children: ReactNode;
}) {
  const tickFormat = new Intl.DateTimeFormat("en-US", data.time.format);
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: PANEL_HEIGHT }}
      data={data.hours}
      margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="hour"
        type="category"
        ticks={data.time.ticks}
        interval={0}
        tickFormatter={(value: number) => tickFormat.format(value)}
        tick={{ fontSize: 11 }}
      />
      <YAxis
        type="number"
        domain={counts.domain}
        ticks={counts.ticks}
        allowDecimals={false}
        tickFormatter={(value: number) => formatCount(value)}
        tick={{ fontSize: 11 }}
        width={72}
        label={{ value: axisLabel, angle: -90, position: "insideLeft", fontSize: 11 }}
      />
      <Tooltip
        labelFormatter={(value) => (typeof value === "number" ? `Hour from ${hourStart.format(value)}` : "")}
        formatter={(value) => (typeof value === "number" ? formatCount(value) : String(value))}
      />
      {children}
    </BarChart>
  );
}

/** Pushes per hour (applied and failed) above members received per hour: two panels, one count axis each. */
export function SyncChart({ hours }: { hours: SyncStatsHour[] }) {
  const inBrowser = useInBrowser();
  const data = syncChartData(hours);
  const { totals } = data;
  if (totals.pushes === 0) {
    return (
      <EmptyState title={`No syncs in the last ${hours.length} hours`}>
        Pushes appear here within a minute of arriving.
      </EmptyState>
    );
  }
  const summary = `${plural(totals.pushes, "push", "pushes")} with ${plural(totals.members, "member")} and ${plural(totals.failures, "failure")} in the last ${hours.length} hours`;
  return (
    <figure aria-label="Pushes and members per hour">
      {inBrowser ? (
        <div className="flex flex-col gap-2">
          <HourlyBars data={data} counts={data.pushes} axisLabel="Pushes">
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="applied" name="Applied" stackId="pushes" fill="#4f46e5" isAnimationActive={false} />
            <Bar dataKey="failures" name="Failed" stackId="pushes" fill="#dc2626" isAnimationActive={false} />
          </HourlyBars>
          <HourlyBars data={data} counts={data.members} axisLabel="Members">
            <Bar dataKey="members" name="Members received" fill="#0f766e" isAnimationActive={false} />
          </HourlyBars>
        </div>
      ) : (
        <div style={{ height: 2 * PANEL_HEIGHT }} />
      )}
      <figcaption className="mt-2 text-xs text-slate-600">{summary}</figcaption>
      <ChartDataTable
        caption="Pushes and members per hour, oldest first; hours without pushes are left out"
        columns={["Hour from", "Applied pushes", "Failed pushes", "Members received"]}
        rows={data.busyHours.map((hour) => ({
          key: String(hour.hour),
          cells: [
            <DateTime key="hour" epochMs={hour.hour} />,
            formatCount(hour.applied),
            formatCount(hour.failures),
            formatCount(hour.members),
          ],
        }))}
      />
    </figure>
  );
}
