"use client";

import { useState } from "react";
import { formatAbsolute, formatRelative, formatUtc } from "./format-time";
import { useNow } from "./use-now";

/** How exact the absolute time is: `date` for whole days (an expiry date), else to the second. */
type Precision = "relative" | "date" | "datetime";

/**
 * Every time in the dashboard, in one format: relative ("5 minutes ago", kept current while the page is open), with the
 * exact time in the reader's zone one press away (a button, so keyboard and touch reach it, not only a mouse's hover).
 * Server and hydration render the same UTC text.
 */
export function DateTime({ epochMs, style = "datetime" }: { epochMs: number; style?: Precision }) {
  const nowMs = useNow();
  const [expanded, setExpanded] = useState(false);
  const iso = new Date(epochMs).toISOString();
  const absolute =
    nowMs === null ? formatUtc(epochMs) : formatAbsolute(epochMs, style === "date" ? "date" : "datetime");
  return (
    <span className="inline">
      <button
        type="button"
        aria-expanded={expanded}
        title={absolute}
        onClick={() => setExpanded((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && expanded) {
            event.stopPropagation();
            setExpanded(false);
          }
        }}
        className="cursor-help rounded-sm underline decoration-slate-400 decoration-dotted underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      >
        <time dateTime={iso}>{nowMs === null ? formatUtc(epochMs) : formatRelative(epochMs, nowMs)}</time>
      </button>
      {expanded ? <span className="text-slate-600"> ({absolute})</span> : null}
    </span>
  );
}

/** Days from now until `epochMs` for the browser (null on the server), for badges such as "expires soon". */
export function useDaysUntil(epochMs: number | null): number | null {
  const nowMs = useNow();
  if (nowMs === null || epochMs === null) return null;
  return (epochMs - nowMs) / (24 * 3600 * 1000);
}
