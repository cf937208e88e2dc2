import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { streamMembersCsv } from "@/lib/server/segment-members/stream-members-csv";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment));
    // Segment keys are [A-Za-z0-9._-], so the file name needs no quoting beyond the quotes themselves.
    return new Response(await streamMembersCsv(segment.id), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${segment.key}-members.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members/export" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/members/export",
  ["GET"],
);
