/** Where a refused request was aimed, as far as it said: a partner's client-side ID, or a membership path's keys. */
export type RefusalEnvironment =
  { readonly clientSideId: string } | { readonly projectKey: string; readonly environmentKey: string } | null;

/** One refused request, or several identical ones that arrived before the first was written (`count`). */
export type Refusal = {
  integrationKey: string;
  status: number;
  reasonCode: string;
  message: string;
  token: { id: string; name: string; ending: string } | null;
  environment: RefusalEnvironment;
  clientSideId: string | null;
  memberSample: string[];
  count: number;
  firstAt: Date;
  lastAt: Date;
};

/** What identifies refusals that may be counted together while they wait: everything but the message and sample. */
export function refusalSignature(refusal: Refusal): string {
  return JSON.stringify([
    refusal.integrationKey,
    refusal.status,
    refusal.reasonCode,
    refusal.token?.id ?? null,
    refusal.environment,
    refusal.clientSideId,
  ]);
}
