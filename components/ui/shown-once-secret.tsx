"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * A secret the API hands out once (a token value, a password link): a warning, then the value in a read-only field that
 * takes focus and is selected the moment it appears, so it can be copied by keyboard too, and a copy button.
 */
export function ShownOnceSecret({
  label,
  value,
  copyLabel,
  testId,
  warning = "Copy it now: you won't see it again.",
  compact = false,
  children,
}: {
  label: ReactNode;
  value: string;
  copyLabel: string;
  testId: string;
  warning?: ReactNode;
  /** Smaller type, for a secret shown inside a card rather than a dialog. */
  compact?: boolean;
  /** Shown between the warning and the field. */
  children?: ReactNode;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <div className={`flex flex-col ${compact ? "gap-2" : "gap-3"}`}>
      <p
        role="alert"
        className={`rounded-md border border-amber-300 bg-amber-50 text-sm font-medium text-amber-900 ${compact ? "p-2" : "p-3"}`}
      >
        {warning}
      </p>
      {children}
      <div className="flex flex-col gap-1">
        <label
          htmlFor={id}
          className={
            compact ? "text-xs font-medium text-slate-500 uppercase" : "text-sm font-medium text-slate-700"
          }
        >
          {label}
        </label>
        <div className="flex items-start gap-2">
          <input
            ref={inputRef}
            id={id}
            readOnly
            value={value}
            data-testid={testId}
            onFocus={(event) => event.currentTarget.select()}
            className={`min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 py-1.5 font-mono ${compact ? "px-2 text-xs" : "px-2.5 text-sm"}`}
          />
          <CopyButton value={value} label={copyLabel} />
        </div>
      </div>
    </div>
  );
}
