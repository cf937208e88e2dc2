import type { ApiError } from "@/lib/server/api/errors";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { partnerFailureContext } from "@/lib/server/sync/partner-failure-context";
import { renderPartnerResponse } from "@/lib/server/sync/render-partner-response";

/**
 * The route wrapper's `renderError` for an integration with its own failure body (Heap), covering every error of the
 * request including 401 and 429; undefined for the others, which get the standard `{code, message, id}` body.
 */
export function partnerErrorRenderer(
  definition: IntegrationDefinition | null,
): ((error: ApiError, requestId: string) => Response) | undefined {
  if (!definition?.response) return undefined;
  return (error) => {
    const rendered = renderPartnerResponse(definition, {
      ok: false,
      error: { status: error.status, message: error.message },
      context: partnerFailureContext(error),
    });
    return Response.json(rendered?.body ?? null, { status: error.status, headers: error.headers });
  };
}
