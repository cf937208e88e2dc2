"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** The address a click on a link inside the dashboard would go to, or null when the browser should handle it. */
function inAppDestination(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return null;
  if (anchor.target !== "" && anchor.target !== "_self") return null;
  const url = new URL(anchor.href, window.location.href);
  // Another site unloads this page, where `beforeunload` asks; a link to this very page loses nothing.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * While `when` holds, leaving the page asks first: closing or reloading the tab through the browser's own prompt
 * (`beforeunload`), and a click on a link inside the dashboard through a dialog that stays or leaves. The click is
 * caught on `window` in the capture phase, before Next.js's `Link` sees it.
 */
export function UnsavedChangesGuard({ when, what }: { when: boolean; what: string }) {
  const router = useRouter();
  const [leavingTo, setLeavingTo] = useState<string | null>(null);

  useEffect(() => {
    if (!when) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when `returnValue` is set.
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      const destination = inAppDestination(event);
      if (destination === null) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(destination);
    };
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", click, true);
    };
  }, [when]);

  if (leavingTo === null) return null;
  return (
    <ConfirmDialog
      title="Leave without saving?"
      description={`You have unsaved changes to ${what}. Leaving this page discards them.`}
      cancelLabel="Stay on this page"
      confirmLabel="Leave and discard changes"
      pendingLabel="Leaving…"
      pending={false}
      error={null}
      onConfirm={() => {
        setLeavingTo(null);
        router.push(leavingTo);
      }}
      onClose={() => setLeavingTo(null)}
    />
  );
}
