"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/**
 * True once rendering in the browser. A chart's ticks follow the browser's zone, which the server does not know, so
 * charts draw only then and the server and hydrating renders agree.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
