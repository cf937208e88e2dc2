/** What a refused request's body told before it was refused: the client-side ID it named and a few member ids. */
export type RefusalDetails = { clientSideId: string | null; memberSample: string[] };

// Kept beside the request rather than on the error: the wrapper may render a different error object than was thrown.
const detailsByRequest = new WeakMap<object, RefusalDetails>();

/** Called by a route on its way out with an error; the wrapper's refusal recorder reads it back. */
export function attachRefusalDetails(req: object, details: RefusalDetails): void {
  detailsByRequest.set(req, details);
}

export function refusalDetailsOf(req: object): RefusalDetails | undefined {
  return detailsByRequest.get(req);
}
