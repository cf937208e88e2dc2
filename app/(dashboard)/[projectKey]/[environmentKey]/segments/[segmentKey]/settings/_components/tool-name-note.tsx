"use client";

import { GuardedButton } from "@/components/ui/guarded-button";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useHandNameBackToTool, type SegmentLocation } from "@/lib/queries/segments";

/**
 * After a rename by hand, what the tool calls the cohort now, and the way back: "Use the tool's name again" takes that
 * name and lets later syncs rename the segment again.
 */
export function ToolNameNote({
  location,
  toolName,
  externalName,
  decision,
  explainedBy,
}: {
  location: SegmentLocation;
  toolName: string;
  /** The cohort name the tool sent last; undefined when it never sent one. */
  externalName: string | undefined;
  decision: AccessDecision | undefined;
  explainedBy: string;
}) {
  const handBack = useHandNameBackToTool(location);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-indigo-200 pt-3">
      <p className="min-w-0 flex-1 break-words" data-testid="tool-cohort-name">
        {externalName === undefined ? (
          <>{toolName} has not sent a name for this cohort.</>
        ) : (
          <>
            {toolName} currently calls this cohort <strong className="font-semibold">{externalName}</strong>.
          </>
        )}
      </p>
      <GuardedButton
        type="button"
        variant="secondary"
        decision={decision}
        explainedBy={explainedBy}
        disabled={handBack.isPending}
        onClick={() => handBack.mutate()}
      >
        {handBack.isPending ? "Handing back…" : "Use the tool's name again"}
      </GuardedButton>
      {handBack.isError ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {handBack.error.message}
        </p>
      ) : null}
    </div>
  );
}
