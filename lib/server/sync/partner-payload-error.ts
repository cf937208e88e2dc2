/**
 * A partner's request body that cannot be applied at all (not an object, no environment id, no cohort id, too many
 * members, ...). The HTTP layer answers it with 400 `invalid_request`; individual bad members are skipped instead.
 */
export class PartnerPayloadError extends Error {
  readonly code = "invalid_request" as const;

  constructor(message: string) {
    super(message);
    this.name = "PartnerPayloadError";
  }
}
