import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { segmentMemberListQuerySchema } from "@/lib/schemas/segment-member-list";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { listSegmentMembers } from "@/lib/server/segment-members/list-segment-members";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const query = parseQuery(req.nextUrl, segmentMemberListQuerySchema);
    const { segment } = await getVisibleSegmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    return json(await listSegmentMembers(segment, query));
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members",
  ["GET"],
);
