"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;

/**
 * One shared clock for every relative time and freshness badge on the page. The server has no snapshot (its clock and
 * zone are not the browser's), so the server and the hydrating render agree on `null`, and the browser's time follows at
 * once without a hydration mismatch.
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

/** The browser's current time in epoch ms, updated every 15 seconds; `null` on the server and while hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}
