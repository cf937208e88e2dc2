import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { deleteSegment } from "@/lib/server/segments/delete-segment";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { readSegmentPatch } from "@/lib/server/segments/read-segment-patch";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { updateSegment } from "@/lib/server/segments/update-segment";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, segment } = await getSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    assertAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment));
    const location = { projectKey: environment.project.key, environmentKey: environment.key };
    return json(serializeSegment(segment, location, await loadSegmentTargets(segment)));
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const patch = await readSegmentPatch(req);
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    return json(await updateSegment(principal, environment, params.segmentKey, patch));
  },
  { route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    await deleteSegment(principal, environment, params.segmentKey);
    return noContent();
  },
  { route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);
