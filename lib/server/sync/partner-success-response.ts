import { env } from "@/lib/env";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import type { PartnerPushResult } from "@/lib/server/sync/push-segment-targets";
import { renderPartnerResponse } from "@/lib/server/sync/render-partner-response";

/** 204, or the integration's own success body (Heap: 200 with the segment and its dashboard URL). */
export function partnerSuccessResponse(
  definition: IntegrationDefinition,
  result: PartnerPushResult,
  requestOrigin: string,
): Response {
  const segmentKey = result.segments[0]?.key ?? "";
  const base = env().NEXTAUTH_URL ?? requestOrigin;
  const path = [result.projectKey, result.environmentKey, "segments", segmentKey].map(encodeURIComponent);
  const rendered = renderPartnerResponse(definition, {
    ok: true,
    fields: {
      projectKey: result.projectKey,
      environmentKey: result.environmentKey,
      segmentKey,
      segmentUrl: new URL(`/${path.join("/")}`, base).toString(),
    },
  });
  if (rendered.body === null) return new Response(null, { status: rendered.status });
  return Response.json(rendered.body, { status: rendered.status });
}
