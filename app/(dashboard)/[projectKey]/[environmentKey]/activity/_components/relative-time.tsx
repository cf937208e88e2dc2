"use client";

import { useEffect, useState } from "react";
import { formatRelative } from "./format";

const TICK_MS = 15_000;

/** A relative time that stays current while the page is open; the exact time is in the tooltip and `dateTime`. */
export function RelativeTime({ epochMs }: { epochMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(epochMs);
  // Server and browser clocks and time zones differ; the browser's rendering wins.
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} suppressHydrationWarning>
      {formatRelative(epochMs, Math.max(now, epochMs))}
    </time>
  );
}
