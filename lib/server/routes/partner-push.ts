import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";
import { defineRoute } from "@/lib/server/api/define-route";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { partnerRequestBody } from "@/lib/server/openapi/partner-request-bodies";
import { readPartnerRefusalDetails } from "@/lib/server/rejected-pushes/read-partner-refusal-details";
import { recordRouteRefusals } from "@/lib/server/rejected-pushes/record-route-refusals";
import { attachRefusalDetails } from "@/lib/server/rejected-pushes/refusal-details";
import { UNKNOWN_INTEGRATION } from "@/lib/server/rejected-pushes/rejected-push-limits";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { partnerSuccessResponse } from "@/lib/server/sync/partner-success-response";
import { pushSegmentTargets } from "@/lib/server/sync/push-segment-targets";
import { partnerErrorRenderer } from "@/lib/server/sync/render-partner-error";

const integrationKey = z.string().meta({ description: "The partner integration, e.g. `amplitude`" });

const heapSuccessSchema = z.object({
  projectId: z.string(),
  environmentId: z.string(),
  segmentId: z.string(),
  segmentUrl: z.string(),
  status: z.literal("success"),
});

const DEFINITIONS = new Map(Object.values(INTEGRATIONS).map((definition) => [definition.key, definition]));

// An integration with its own failure body (Heap) renders every error of the request, authentication included, in it.
const ERROR_RENDERERS = new Map(
  [...DEFINITIONS].map(([key, definition]) => [key, partnerErrorRenderer(definition)]),
);

/** A partner tool's push of its cohorts' membership, in the tool's own payload (LaunchDarkly's segment-targets path). */
export const partnerPushRoute = defineRoute({
  method: "POST",
  path: "/api/v2/segment-targets/{integrationKey}",
  schemas: { params: z.object({ integrationKey }) },
  errorRendererFor: (params) => ERROR_RENDERERS.get(params.integrationKey ?? ""),
  // The environment comes from the body's client-side ID, when the push got far enough to read it.
  onRefused: recordRouteRefusals(({ params }) => ({
    integrationKey: DEFINITIONS.has(params.integrationKey ?? "")
      ? (params.integrationKey ?? "")
      : UNKNOWN_INTEGRATION,
    environment: null,
  })),
  openapi: {
    tag: "Sync",
    summary: "Push a partner's cohort membership",
    description:
      "Finds or creates the synced segment of each cohort and applies its adds and removes in one transaction. " +
      "Needs `createSegment` (to create) and `updateIncluded`. Members with an unusable id are skipped and counted. " +
      "Items of a tool that sends one item per member with `true`/`false` apply in order, the last of a key deciding; " +
      "add and remove lists apply adds, then removes. Heap's errors come in its own body: " +
      '`{status: "failure", error: {message, code}}` with the HTTP status as `code`, and `projectId`, ' +
      "`environmentId`, `segmentId` and `segmentUrl` where the push had found them.",
    requestBody: partnerRequestBody(),
    success: [
      { status: 204, description: "Applied" },
      { description: "Applied (Heap's answer)", schema: heapSuccessSchema },
    ],
    errors: [403, 404, 413, 415, 503],
  },
  handle: async ({ req, params, principal }) => {
    const definition = DEFINITIONS.get(params.integrationKey);
    if (!definition) {
      throw new ApiError("not_found", `Unknown integration "${params.integrationKey.slice(0, 64)}"`);
    }
    // The parser skips (and counts) member ids that cannot be stored rather than refusing the batch (api-contract §3).
    const body = await readJsonBody(req, { allowUnstorableText: true });
    const requestOrigin = req.nextUrl.origin;
    try {
      const result = await pushSegmentTargets({ definition, body, principal, requestOrigin });
      return partnerSuccessResponse(definition, result, requestOrigin);
    } catch (error) {
      attachRefusalDetails(req, readPartnerRefusalDetails(definition, body));
      throw error;
    }
  },
});
