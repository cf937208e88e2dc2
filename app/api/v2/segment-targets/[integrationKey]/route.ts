import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/server/api/errors";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { partnerSuccessResponse } from "@/lib/server/sync/partner-success-response";
import { pushSegmentTargets } from "@/lib/server/sync/push-segment-targets";
import { partnerErrorRenderer } from "@/lib/server/sync/render-partner-error";

type Params = { integrationKey: string };

// One wrapped handler per integration, because an integration with its own failure body (Heap) renders every error of
// the request, authentication included, in that body.
function partnerHandler(definition: IntegrationDefinition | null) {
  return apiHandler<Params>(
    async ({ req, params, principal }) => {
      if (!definition) {
        throw new ApiError("not_found", `Unknown integration "${params.integrationKey.slice(0, 64)}"`);
      }
      // The parser skips (and counts) member ids that cannot be stored rather than refusing the batch (api-contract §3).
      const body = await readJsonBody(req, { allowUnstorableText: true });
      const requestOrigin = req.nextUrl.origin;
      const result = await pushSegmentTargets({ definition, body, principal, requestOrigin });
      return partnerSuccessResponse(definition, result, requestOrigin);
    },
    {
      route: "POST /api/v2/segment-targets/{integrationKey}",
      renderError: partnerErrorRenderer(definition),
    },
  );
}

const handlers = new Map(
  Object.values(INTEGRATIONS).map((definition) => [definition.key, partnerHandler(definition)]),
);
const unknownIntegration = partnerHandler(null);

export async function POST(req: NextRequest, context: { params: Promise<Params> }): Promise<Response> {
  const { integrationKey } = await context.params;
  return (handlers.get(integrationKey) ?? unknownIntegration)(req, context);
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segment-targets/{integrationKey}",
  ["POST"],
);
