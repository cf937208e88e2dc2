"use client";

import { DateTime } from "./date-time";

/**
 * How old some data is, beside a freshness badge: "<label> 5 minutes ago" through the shared time component (relative,
 * exact time one press away), or "<label> never".
 */
export function DataAge({
  label,
  epochMs,
  testId,
}: {
  label: string;
  epochMs: number | null;
  testId: string;
}) {
  return (
    <span className="text-xs whitespace-nowrap text-slate-600" data-testid={testId}>
      {label} {epochMs === null ? "never" : <DateTime epochMs={epochMs} style="relative" />}
    </span>
  );
}
