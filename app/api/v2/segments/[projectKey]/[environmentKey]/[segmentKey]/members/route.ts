import { memberListQuerySchema } from "@/lib/schemas/member-list";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { listSegmentMembers } from "@/lib/server/segment-members/list-segment-members";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const query = parseQuery(req.nextUrl, memberListQuerySchema);
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment));
    return json(await listSegmentMembers(segment, query));
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members" },
);
