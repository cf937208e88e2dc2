import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import type { ContextMembership } from "@/lib/schemas/membership";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getContextMembership } from "@/lib/server/membership/get-context-membership";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; contextKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const membership = await getContextMembership(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
      params.contextKey,
    );
    // A segment the caller may not view gets the answer of one that does not exist.
    if (
      !membership ||
      !checkAccess(
        principal,
        "viewSegment",
        segmentResource(membership.segment.project, membership.segment.environment, membership.segment),
      ).allowed
    ) {
      throw segmentsNotFound(params.projectKey, params.environmentKey, [params.segmentKey]);
    }
    const body: ContextMembership = {
      userKey: params.contextKey,
      included: membership.included,
      excluded: membership.excluded,
    };
    if (membership.included) {
      body.addedAt = membership.addedAt?.getTime();
      body.syncRunId = membership.syncRunId;
    }
    return json(body);
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts/{contextKey}",
  ["GET"],
);
