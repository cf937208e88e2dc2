import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { streamSegmentMembersCsv } from "@/lib/server/segment-members/stream-segment-members-csv";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { segment } = await getVisibleSegmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    // Segment keys are [A-Za-z0-9._-], so the file name needs no quoting beyond the quotes themselves.
    return new Response(await streamSegmentMembersCsv(segment.id), {
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
