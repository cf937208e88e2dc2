"use client";

import { Button } from "@/components/ui/button";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";

/** The full token value, shown once (create and reset are the only answers that carry it). */
export function RevealToken({ value, note, onDone }: { value: string; note?: string; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <ShownOnceSecret label="Token value" value={value} copyLabel="Copy token" testId="token-value">
        {note ? <p className="text-sm text-slate-600">{note}</p> : null}
      </ShownOnceSecret>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
