"use client";

import { formatRelative, formatUtc } from "./format-time";
import { useNow } from "./use-now";

/**
 * "5 minutes ago", kept current while the page is open; `style="absolute"` shows the date and time in the browser's
 * locale instead. The exact time is always in the tooltip and in `dateTime`.
 */
export function RelativeTime({ epochMs, style = "relative" }: { epochMs: number; style?: "relative" | "absolute" }) {
  const now = useNow();
  const date = new Date(epochMs);
  const iso = date.toISOString();
  let text = formatUtc(epochMs);
  if (now !== null) text = style === "relative" ? formatRelative(epochMs, now) : date.toLocaleString();
  return (
    <time dateTime={iso} title={now === null ? iso : date.toLocaleString()}>
      {text}
    </time>
  );
}
