import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { getIntegration } from "@/lib/server/sync/integrations";

/** The body a tool sends to add these keys to its cohort, in the tool's own shape (the cohort's id is its name too). */
export function partnerAddBody(
  integrationKey: string,
  environmentId: string,
  cohortId: string,
  keys: readonly string[],
  cohortName: string = cohortId,
): unknown {
  const definition = getIntegration(integrationKey);
  if (definition === null) throw new Error(`no integration "${integrationKey}"`);
  return buildPartnerPayload(definition, { environmentId, cohortId, cohortName }, keys);
}
