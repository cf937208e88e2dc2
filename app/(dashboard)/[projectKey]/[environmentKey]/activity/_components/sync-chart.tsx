"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/ui/states";
import type { SyncStatsHour } from "@/lib/schemas/sync-stats";
import { formatCount, plural } from "./format";

const hourFormat = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hour12: false });
const dayHourFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function total(hours: readonly SyncStatsHour[], field: "pushes" | "members" | "failures"): number {
  return hours.reduce((sum, hour) => sum + hour[field], 0);
}

/** Pushes (bars, failures in red) and members received (line) per hour. */
export function SyncChart({ hours }: { hours: SyncStatsHour[] }) {
  const pushes = total(hours, "pushes");
  if (pushes === 0) {
    return (
      <EmptyState title={`No syncs in the last ${hours.length} hours`}>
        Pushes appear here within a minute of arriving.
      </EmptyState>
    );
  }
  const data = hours.map((hour) => ({ ...hour, succeeded: hour.pushes - hour.failures }));
  const summary = `${plural(pushes, "push", "pushes")} with ${plural(total(hours, "members"), "member")} and ${plural(total(hours, "failures"), "failure")} in the last ${hours.length} hours`;
  return (
    <figure aria-label="Pushes and members per hour">
      <ComposedChart
        responsive
        style={{ width: "100%", height: 260 }}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          dataKey="hour"
          tickFormatter={(value: number) => hourFormat.format(value)}
          tick={{ fontSize: 11 }}
          minTickGap={24}
        />
        <YAxis yAxisId="pushes" allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <YAxis
          yAxisId="members"
          orientation="right"
          allowDecimals={false}
          tick={{ fontSize: 11 }}
          width={56}
          tickFormatter={(value: number) => formatCount(value)}
        />
        <Tooltip labelFormatter={(value) => (typeof value === "number" ? dayHourFormat.format(value) : "")} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          yAxisId="pushes"
          dataKey="succeeded"
          name="Applied pushes"
          stackId="pushes"
          fill="#6366f1"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="pushes"
          dataKey="failures"
          name="Failed pushes"
          stackId="pushes"
          fill="#dc2626"
          isAnimationActive={false}
        />
        <Line
          yAxisId="members"
          dataKey="members"
          name="Members received"
          type="linear"
          stroke="#0f766e"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
      <figcaption className="mt-2 text-xs text-slate-500">{summary}</figcaption>
    </figure>
  );
}
