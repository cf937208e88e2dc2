"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/**
 * False on the server and during hydration, true once React runs in the browser; the server and hydrating renders agree.
 * Until then a form would submit natively and a button would do nothing (the sign-in controls wait for it), and a chart's
 * ticks would follow a time zone the server does not know (charts draw only then).
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
