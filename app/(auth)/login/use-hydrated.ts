import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/**
 * True once React runs in the browser. Until then a form would submit natively and a button would do nothing: the
 * sign-in controls wait for it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
