import "server-only";
import type { ContextMembership } from "@/lib/schemas/membership";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getContextMembership } from "@/lib/server/membership/get-context-membership";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

type Location = { projectKey: string; environmentKey: string; segmentKey: string; contextKey: string };

/** One context's membership in a segment the caller may view; a segment it may not view answers as a made-up one. */
export async function getVisibleContextMembership(
  principal: Principal,
  location: Location,
): Promise<ContextMembership> {
  const membership = await getContextMembership(
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
    location.contextKey,
  );
  if (
    !membership ||
    !checkAccess(
      principal,
      "viewSegment",
      segmentResource(membership.segment.project, membership.segment.environment, membership.segment),
    ).allowed
  ) {
    throw segmentsNotFound(location.projectKey, location.environmentKey, [location.segmentKey]);
  }
  const body: ContextMembership = {
    userKey: location.contextKey,
    included: membership.included,
    excluded: membership.excluded,
  };
  if (membership.included) {
    body.addedAt = membership.addedAt?.getTime();
    body.syncRunId = membership.syncRunId;
  }
  return body;
}
