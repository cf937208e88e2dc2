"use client";

import { formatRelative, formatUtc } from "./format-time";
import { useNow } from "./use-now";

type Style = "relative" | "date" | "datetime";

function format(epochMs: number, style: Style, nowMs: number): string {
  const date = new Date(epochMs);
  if (style === "relative") return formatRelative(epochMs, nowMs);
  if (style === "date") return date.toLocaleDateString();
  return date.toLocaleString();
}

/**
 * A time in the browser's locale and zone ("5 minutes ago" for `relative`, kept current while the page is open); the
 * exact time is in the tooltip and `dateTime`. Server and hydration render the same UTC text.
 */
export function DateTime({ epochMs, style = "datetime" }: { epochMs: number; style?: Style }) {
  const nowMs = useNow();
  const iso = new Date(epochMs).toISOString();
  return (
    <time dateTime={iso} title={nowMs === null ? iso : new Date(epochMs).toLocaleString()}>
      {nowMs === null ? formatUtc(epochMs) : format(epochMs, style, nowMs)}
    </time>
  );
}

/** Days from now until `epochMs` for the browser (null on the server), for badges such as "expires soon". */
export function useDaysUntil(epochMs: number | null): number | null {
  const nowMs = useNow();
  if (nowMs === null || epochMs === null) return null;
  return (epochMs - nowMs) / (24 * 3600 * 1000);
}
