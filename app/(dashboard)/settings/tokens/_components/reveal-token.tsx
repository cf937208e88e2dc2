"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The full token value, shown once (create and reset are the only answers that carry it). */
export function RevealToken({ value, note, onDone }: { value: string; note?: string; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    // Focus moves to the secret the moment it appears, ready to copy by keyboard.
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <div className="flex flex-col gap-3">
      <p
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-900"
      >
        Copy it now: you won&apos;t see it again.
      </p>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          Token value
        </label>
        <div className="flex gap-2">
          <input
            ref={inputRef}
            id={id}
            readOnly
            value={value}
            data-testid="token-value"
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-sm"
          />
          <CopyButton value={value} label="Copy token" />
        </div>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
