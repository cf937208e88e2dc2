import { segmentBulkTagsSchema } from "@/lib/schemas/segment";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { bulkUpdateSegmentTags } from "@/lib/server/segments/bulk-update-segment-tags";

type Params = { projectKey: string; environmentKey: string };

/** Adds and removes tags on several segments at once: all of them or none. */
export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const input = segmentBulkTagsSchema.parse(await readJsonBody(req));
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    return json({ items: await bulkUpdateSegmentTags(principal, environment, input) });
  },
  { route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}" },
);
