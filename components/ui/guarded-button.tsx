"use client";

import { useId, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { AccessDecision } from "@/lib/queries/access-check";

/**
 * A button the member may only use when the policy engine allows it. Denied, it is disabled and says why: in a tooltip
 * and, for assistive technology, in its description (`reasonVisible` also prints it next to the button). With
 * `explainedBy`, the id of a `PermissionNotice` that already says it in words for the whole table or page, the button
 * says nothing itself and points there.
 */
export function GuardedButton({
  decision,
  reasonVisible = false,
  explainedBy,
  disabled,
  children,
  ...props
}: ComponentProps<typeof Button> & {
  decision: AccessDecision | undefined;
  reasonVisible?: boolean;
  explainedBy?: string;
}) {
  const reasonId = useId();
  const denied = decision !== undefined && !decision.allowed;
  if (explainedBy !== undefined) {
    return (
      <Button
        {...props}
        disabled={disabled === true || decision === undefined || denied}
        aria-busy={decision === undefined ? true : undefined}
        aria-describedby={denied ? explainedBy : undefined}
      >
        {children}
      </Button>
    );
  }
  const reason = denied ? `Not allowed: ${decision.reason}` : undefined;
  return (
    <span className={reasonVisible ? "inline-flex flex-col items-end gap-1" : "inline-flex"}>
      <Button
        {...props}
        disabled={disabled === true || decision === undefined || denied}
        aria-busy={decision === undefined ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        title={reason}
      >
        {children}
      </Button>
      {reason ? (
        <span
          id={reasonId}
          className={reasonVisible ? "max-w-md text-right text-xs text-slate-500" : "sr-only"}
        >
          {reason}
        </span>
      ) : null}
    </span>
  );
}
