import type { ApiError } from "@/lib/server/api/errors";

/** What a refused push had found out before it failed, for an integration whose failure body reports it (Heap). */
export type PartnerFailureContext = {
  readonly projectKey: string;
  readonly environmentKey: string;
  readonly segmentKey?: string;
  readonly segmentUrl?: string;
};

// Kept beside the error rather than on it: ApiError is the API's one error class, and only the partner endpoint's
// renderer reads this.
const contexts = new WeakMap<ApiError, PartnerFailureContext>();

/** Records what was known when `error` ended a push; `partnerFailureContext` reads it back when rendering the error. */
export function attachPartnerFailureContext(error: ApiError, context: PartnerFailureContext): void {
  contexts.set(error, context);
}

export function partnerFailureContext(error: ApiError): PartnerFailureContext | undefined {
  return contexts.get(error);
}
