"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** How long after a navigation the new page's heading is waited for (a page may render it after loading). */
export const HEADING_WAIT_MS = 5000;

/** Focuses the page's h1 (focusable from script only), so a screen reader announces the new page; false when none yet. */
function focusMainHeading(): boolean {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  return true;
}

/** Focuses the heading now, or once it appears within HEADING_WAIT_MS; returns what stops waiting. */
function focusHeadingWhenShown(): () => void {
  const main = document.querySelector("main");
  if (focusMainHeading() || !main) return () => undefined;
  const observer = new MutationObserver(() => {
    if (focusMainHeading()) stop();
  });
  const timer = setTimeout(stop, HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/**
 * After a client-side navigation focus stays on the link that was clicked, and screen readers announce nothing: this
 * moves focus to the new page's heading. The first page load is left alone (the browser starts at the top).
 */
export function FocusHeadingOnNavigation() {
  const pathname = usePathname();
  const shownPathname = useRef<string | null>(null);
  useEffect(() => {
    const previous = shownPathname.current;
    shownPathname.current = pathname;
    if (previous === null || previous === pathname) return;
    return focusHeadingWhenShown();
  }, [pathname]);
  return null;
}
