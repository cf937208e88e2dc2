import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";

export type HiddenAccessCheck = {
  /** The view action of the resource's type: viewProject, viewEnvironment or viewSegment. */
  view: string;
  /** What the request does; empty for a read, which needs `view` alone. */
  actions: readonly string[];
  resource: string;
  /** The error a key that does not exist gets; a caller who may not see the resource gets exactly this one. */
  notFound: () => ApiError;
};

/** Tags are `;a,b` after a name and never contain `:`; a caller who may not view a resource does not learn them. */
function withoutTags(resource: string): string {
  return resource.replace(/;[^:]*/g, "");
}

/**
 * The existence rule: a caller who may neither view a resource nor do any of what it asks gets the same 404 as for a
 * made-up key, so a refusal never tells it the resource exists. A caller who may view it but not act gets 403; one who
 * may act without viewing (a sync tool) gets 403 for the actions it lacks, naming the resource without its tags.
 */
export function assertAccessOrHide(principal: Principal, check: HiddenAccessCheck): void {
  const canView = checkAccess(principal, check.view, check.resource).allowed;
  if (!canView && !check.actions.some((action) => checkAccess(principal, action, check.resource).allowed))
    throw check.notFound();
  assertActionsAllowed(principal, check);
}

/**
 * 403 for the first of `actions` the principal may not do, naming the resource without its tags unless the principal may
 * view it. For callers who have already been told the resource exists (a sync tool that may push to it).
 */
export function assertActionsAllowed(
  principal: Principal,
  check: Pick<HiddenAccessCheck, "view" | "actions" | "resource">,
): void {
  for (const action of check.actions) {
    const decision = checkAccess(principal, action, check.resource);
    if (decision.allowed) continue;
    const message = checkAccess(principal, check.view, check.resource).allowed
      ? `Access denied: ${action} on ${check.resource} is not allowed (${decision.reason})`
      : `Access denied: ${action} on ${withoutTags(check.resource)} is not allowed`;
    throw new ApiError("forbidden", message);
  }
}
