"use client";

import { useEffect, useId, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { GuardedButton } from "@/components/ui/guarded-button";
import { ErrorState } from "@/components/ui/states";
import type { AccessDecision } from "@/lib/queries/access-check";
import type { TokenCreate } from "@/lib/schemas/token";
import { syncToolTokenInput, type SyncToolScope } from "@/lib/schemas/token-sync-tool";

/** The new token's value, shown once, focused and selected so that it can be copied by keyboard too. */
function ShownOnce({ toolName, value }: { toolName: string; value: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <div className="flex flex-col gap-2">
      <p
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm font-medium text-amber-900"
      >
        Copy it now: you won&apos;t see it again.
      </p>
      <label htmlFor={id} className="text-xs font-medium text-slate-500 uppercase">
        Access token for {toolName}
      </label>
      <div className="flex items-start gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          data-testid="sync-tool-token-value"
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs"
        />
        <CopyButton value={value} label="Copy token" />
      </div>
    </div>
  );
}

/**
 * One click to a least-privilege token for the chosen tool: a service token that may only create segments and change
 * their included contexts in this environment, created through `POST /api/v2/tokens` like any other. `decision` is that
 * route's own answer for this caller, decided on the server.
 */
export function SyncToolToken({
  toolName,
  scope,
  decision,
  pending,
  error,
  createdValue,
  onCreate,
}: {
  toolName: string;
  scope: SyncToolScope;
  decision: AccessDecision;
  pending: boolean;
  error: Error | null;
  /** The value of the token created for this tool while the page is open. */
  createdValue: string | null;
  onCreate: (input: TokenCreate) => void;
}) {
  if (createdValue !== null) return <ShownOnce toolName={toolName} value={createdValue} />;
  return (
    <div className="flex flex-col items-start gap-2">
      <GuardedButton
        decision={decision}
        reasonVisible
        disabled={pending}
        onClick={() => onCreate(syncToolTokenInput(toolName, scope))}
      >
        {pending ? "Creating…" : `Create a token for ${toolName}`}
      </GuardedButton>
      <p className="text-xs text-slate-500">
        A service token (it keeps working if you leave) that may only create segments and add or remove their
        members in {scope.projectKey} / {scope.environmentKey}. Its value is shown once.
      </p>
      {error ? <ErrorState error={error} /> : null}
    </div>
  );
}
