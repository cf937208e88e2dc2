import { readFileSync } from "node:fs";
import path from "node:path";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS, type IntegrationKey } from "@/lib/server/sync/integrations";

const FIXTURE_DIR = path.resolve(process.cwd(), "tests/fixtures/partner-payloads");
/** The client-side ID the fixtures name in place of a real environment's. */
export const FIXTURE_ENVIRONMENT_ID = "5f3a9c0e1b2d4e6f8a7b9c0d";

/** tests/fixtures/partner-payloads/{integrationKey}.json: a real-world body as the tool sends it. */
export function partnerFixture(integrationKey: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${integrationKey}.json`), "utf8"));
  return parsed;
}

/** The fixture with the given client-side ID in place of the placeholder. */
export function partnerFixtureFor(integrationKey: string, environmentId: string): unknown {
  const text = readFileSync(path.join(FIXTURE_DIR, `${integrationKey}.json`), "utf8");
  const parsed: unknown = JSON.parse(text.replaceAll(FIXTURE_ENVIRONMENT_ID, environmentId));
  return parsed;
}

/**
 * One small valid body per integration, built from its definition (lib/server/sync/build-partner-payloads.ts) for the
 * environment with the given client-side ID, and a cohort id of the caller's choosing: two members added.
 */
export const PARTNER_PAYLOADS: Readonly<
  Record<string, (environmentId: string, cohortId: string) => unknown>
> = Object.fromEntries(
  (Object.keys(INTEGRATIONS) as IntegrationKey[]).map((key) => [
    key,
    (environmentId: string, cohortId: string) =>
      buildPartnerPayload(
        INTEGRATIONS[key],
        { environmentId, cohortId, cohortName: `Example cohort ${cohortId}` },
        ["member-1", "member-2"],
      ),
  ]),
);
