import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { findEnvironment } from "@/lib/server/environments/find-environment";
import { deleteSegment } from "@/lib/server/segments/delete-segment";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { loadSegmentTargets } from "@/lib/server/segments/load-segment-targets";
import { readSegmentPatch } from "@/lib/server/segments/read-segment-patch";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { updateSegment } from "@/lib/server/segments/update-segment";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

/** A missing project or environment gets the segment's own 404, the one a segment the caller may not see gets. */
async function environmentOf(params: Params) {
  const environment = await findEnvironment(params.projectKey, params.environmentKey);
  if (environment === null)
    throw segmentsNotFound(params.projectKey, params.environmentKey, [params.segmentKey]);
  return environment;
}

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const { environment, segment } = await getVisibleSegmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    const location = { projectKey: environment.project.key, environmentKey: environment.key };
    return json(serializeSegment(segment, location, await loadSegmentTargets(segment)));
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const patch = await readSegmentPatch(req);
    return json(await updateSegment(principal, await environmentOf(params), params.segmentKey, patch));
  },
  { route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    await deleteSegment(principal, await environmentOf(params), params.segmentKey);
    return noContent();
  },
  { route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}" },
);

export const { POST, PUT, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
  ["GET", "PATCH", "DELETE"],
);
