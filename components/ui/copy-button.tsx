"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { copyText, manualCopyHint, type CopyOutcome } from "@/components/ui/copy-text";

/** How long "Copied" stays on the button. */
const COPIED_FEEDBACK_MS = 1500;

function browserPlatform(): string {
  const withHints = navigator as Navigator & { userAgentData?: { platform?: string } };
  return withHints.userAgentData?.platform ?? navigator.platform;
}

/**
 * The one copy control of the dashboard. It says "Copied" only once the clipboard accepted the text; when the page may
 * not use the clipboard (plain HTTP other than localhost) or the browser refuses, it shows the text in a read-only field,
 * selects it and says which keys copy it, so a show-once value is never lost behind a false "Copied".
 */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();

  useEffect(() => {
    if (outcome === "copied") {
      const timer = setTimeout(() => setOutcome(null), COPIED_FEEDBACK_MS);
      return () => clearTimeout(timer);
    }
    if (outcome !== null) {
      fieldRef.current?.focus();
      fieldRef.current?.select();
    }
    return undefined;
  }, [outcome]);

  async function copy() {
    // Focus the field again on a second click: the selection may have been lost in between.
    if (outcome !== null && outcome !== "copied") {
      fieldRef.current?.focus();
      fieldRef.current?.select();
    }
    setOutcome(await copyText(value, navigator.clipboard, window.isSecureContext));
  }

  const manual = outcome === "unavailable" || outcome === "failed";
  const lines = value.split("\n").length;
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" aria-label={`${label} ${value}`} onClick={() => void copy()}>
        {outcome === "copied" ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {outcome === "copied" ? "Copied to the clipboard" : ""}
      </span>
      {manual ? (
        <span className="flex w-72 max-w-full flex-col gap-1 text-left">
          <label htmlFor={fieldId} className="sr-only">
            {`${label}: select and copy`}
          </label>
          <textarea
            ref={fieldRef}
            id={fieldId}
            readOnly
            value={value}
            rows={Math.min(lines, 8)}
            aria-describedby={hintId}
            data-testid="manual-copy-field"
            onFocus={(event) => event.currentTarget.select()}
            className="w-full resize-none rounded-md border border-amber-300 bg-amber-50 px-2 py-1 font-mono text-xs"
          />
          <span id={hintId} role="alert" className="text-xs text-amber-900">
            {manualCopyHint(outcome, browserPlatform())}
          </span>
        </span>
      ) : null}
    </span>
  );
}
