import type { ContextMembership } from "@/lib/schemas/membership";
import { ApiError } from "@/lib/server/api/errors";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getContextMembership } from "@/lib/server/membership/get-context-membership";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; contextKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const membership = await getContextMembership(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
      params.contextKey,
    );
    if (!membership) {
      throw new ApiError(
        "not_found",
        `Segment "${params.segmentKey}" not found in environment "${params.environmentKey}" of project "${params.projectKey}"`,
      );
    }
    const { segment } = membership;
    assertAccess(principal, "viewSegment", segmentResource(segment.project, segment.environment, segment));
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
