import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { membershipChangeSchema } from "@/lib/schemas/membership";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { noContent } from "@/lib/server/api/responses";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

/** Who may neither view a segment nor change its membership gets the answer of a made-up key (nor a failed sync run). */
const SEES_SEGMENT = ["viewSegment", "updateIncluded", "updateExcluded"];

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const change = membershipChangeSchema.parse(await readJsonBody(req));
    const segment = await getMembershipSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    const resource = segmentResource(segment.project, segment.environment, segment);
    if (!SEES_SEGMENT.some((action) => checkAccess(principal, action, resource).allowed)) {
      throw segmentsNotFound(params.projectKey, params.environmentKey, [params.segmentKey]);
    }
    await pushContextChanges({ segment, principal, change, source: "contexts" });
    return noContent();
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/contexts",
  ["POST"],
);
