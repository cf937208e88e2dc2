"use client";

import { GuardedButton } from "@/components/ui/guarded-button";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { ErrorState } from "@/components/ui/states";
import type { AccessDecision } from "@/lib/queries/access-check";
import type { TokenCreate } from "@/lib/schemas/token";
import { syncToolTokenInput, type SyncToolScope } from "@/lib/schemas/token-sync-tool";

/** The new token's value, shown once. */
function ShownOnce({ toolName, value }: { toolName: string; value: string }) {
  return (
    <ShownOnceSecret
      label={`Access token for ${toolName}`}
      value={value}
      copyLabel="Copy token"
      testId="sync-tool-token-value"
      compact
    />
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
