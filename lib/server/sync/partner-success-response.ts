import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import type { PartnerPushResult } from "@/lib/server/sync/push-segment-targets";
import { renderPartnerResponse } from "@/lib/server/sync/render-partner-response";
import { segmentDashboardUrl } from "@/lib/server/sync/segment-dashboard-url";

/** 204, or the integration's own success body (Heap: 200 with the segment and its dashboard URL). */
export function partnerSuccessResponse(
  definition: IntegrationDefinition,
  result: PartnerPushResult,
  requestOrigin: string,
): Response {
  const location = {
    projectKey: result.projectKey,
    environmentKey: result.environmentKey,
    segmentKey: result.segments[0]?.key ?? "",
  };
  const rendered = renderPartnerResponse(definition, {
    ok: true,
    fields: { ...location, segmentUrl: segmentDashboardUrl(location, requestOrigin) },
  });
  if (rendered.body === null) return new Response(null, { status: rendered.status });
  return Response.json(rendered.body, { status: rendered.status });
}
