"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
import { useResetToken } from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";
import { RevealToken } from "./reveal-token";

const HOUR_MS = 3600 * 1000;

const GRACE_PERIODS = [
  { value: "0", label: "Stops working immediately", ms: 0 },
  { value: "1h", label: "Keeps working for 1 hour", ms: HOUR_MS },
  { value: "24h", label: "Keeps working for 24 hours", ms: 24 * HOUR_MS },
] as const;

type Grace = (typeof GRACE_PERIODS)[number]["value"];

export function ResetTokenDialog({ token, onClose }: { token: TokenResponse; onClose: () => void }) {
  const reset = useResetToken();
  const [grace, setGrace] = useState<Grace>("1h");
  const selectId = useId();

  if (reset.data) {
    const chosen = GRACE_PERIODS.find((period) => period.value === grace);
    return (
      <Dialog title={`New value for "${token.name}"`} onClose={onClose}>
        <RevealToken
          value={reset.data.token}
          note={
            chosen && chosen.ms > 0
              ? `The old value ${chosen.label.toLowerCase()}: update the tools that use it.`
              : "The old value stopped working."
          }
          onDone={onClose}
        />
      </Dialog>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ms = GRACE_PERIODS.find((period) => period.value === grace)?.ms ?? 0;
    reset.mutate({ tokenId: token._id, ...(ms > 0 ? { expiry: Date.now() + ms } : {}) });
  }

  return (
    <Dialog
      title={`Reset "${token.name}"`}
      description={`The token gets a new value, shown once. Its current value (ending …${token.token.slice(-4)}) can keep working for a while so that tools can switch over.`}
      onClose={onClose}
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
            Old value
          </label>
          <select
            id={selectId}
            value={grace}
            onChange={(event) => {
              const chosen = GRACE_PERIODS.find((period) => period.value === event.target.value);
              if (chosen) setGrace(chosen.value);
            }}
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          >
            {GRACE_PERIODS.map((period) => (
              <option key={period.value} value={period.value}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
        {reset.isError ? <ErrorState error={reset.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={reset.isPending}>
            {reset.isPending ? "Resetting…" : "Reset token"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
