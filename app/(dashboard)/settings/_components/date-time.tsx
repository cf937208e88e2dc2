"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;

/**
 * One shared clock for every time on the page. The server has no clock snapshot (its time and time zone are not the
 * browser's), so server and hydration render the same UTC text, and the browser's rendering follows at once.
 */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((notify) => notify());
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "in 2 days", "just now". */
export function formatRelative(epochMs: number, nowMs: number): string {
  const seconds = Math.round((epochMs - nowMs) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(seconds, "second");
}

function utcText(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

type Style = "relative" | "date" | "datetime";

function format(epochMs: number, style: Style, nowMs: number): string {
  const date = new Date(epochMs);
  if (style === "relative") return formatRelative(epochMs, nowMs);
  if (style === "date") return date.toLocaleDateString();
  return date.toLocaleString();
}

/** A time in the browser's locale and zone; the exact time is in the tooltip and `dateTime`. */
export function DateTime({ epochMs, style = "datetime" }: { epochMs: number; style?: Style }) {
  const nowMs = useNow();
  const iso = new Date(epochMs).toISOString();
  return (
    <time dateTime={iso} title={nowMs === null ? iso : new Date(epochMs).toLocaleString()}>
      {nowMs === null ? utcText(epochMs) : format(epochMs, style, nowMs)}
    </time>
  );
}

/** Days from now until `epochMs` for the browser (null on the server), for badges such as "expires soon". */
export function useDaysUntil(epochMs: number | null): number | null {
  const nowMs = useNow();
  if (nowMs === null || epochMs === null) return null;
  return (epochMs - nowMs) / (24 * 3600 * 1000);
}
