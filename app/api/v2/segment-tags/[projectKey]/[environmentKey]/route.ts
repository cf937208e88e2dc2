import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { segmentBulkTagsSchema } from "@/lib/schemas/segment";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { findEnvironment } from "@/lib/server/environments/find-environment";
import { bulkUpdateSegmentTags } from "@/lib/server/segments/bulk-update-segment-tags";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";

type Params = { projectKey: string; environmentKey: string };

/** Adds and removes tags on several segments at once: all of them or none. */
export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const input = segmentBulkTagsSchema.parse(await readJsonBody(req));
    const environment = await findEnvironment(params.projectKey, params.environmentKey);
    // The answer of a made-up environment is that of segments the caller may not see in a real one.
    if (environment === null) {
      throw segmentsNotFound(params.projectKey, params.environmentKey, [...new Set(input.keys)]);
    }
    return json({ items: await bulkUpdateSegmentTags(principal, environment, input) });
  },
  { route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segment-tags/{projectKey}/{environmentKey}",
  ["POST"],
);
