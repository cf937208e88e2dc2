import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { getIntegration } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import {
  parsePartnerPayload,
  type ParsedCohort,
  type ParsedPartnerPush,
} from "@/lib/server/sync/parse-partner-payload";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";

// Shared by lib/server/sync/parse-partner-payload-*.test.ts: the example payloads and short ways to parse and check.

export const PAYLOAD_DIR = path.resolve(process.cwd(), "tests/fixtures/partner-payloads");
export const ENV = "5f3a9c0e1b2d4e6f8a7b9c0d";

export function examplePayload(integrationKey: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(path.join(PAYLOAD_DIR, `${integrationKey}.json`), "utf8"));
  return parsed;
}

export function definition(key: string): IntegrationDefinition {
  const found = getIntegration(key);
  if (found === null) throw new Error(`no integration ${key}`);
  return found;
}

export function parse(key: string, body: unknown): ParsedPartnerPush {
  return parsePartnerPayload(definition(key), body);
}

export function onlyCohort(push: ParsedPartnerPush): ParsedCohort {
  expect(push.cohorts).toHaveLength(1);
  const [cohort] = push.cohorts;
  if (cohort === undefined) throw new Error("no cohort");
  return cohort;
}

export function cohort(overrides: Partial<ParsedCohort> & { cohortId: string }): ParsedCohort {
  return {
    cohortName: null,
    cohortUrl: null,
    cohortDescription: null,
    add: [],
    remove: [],
    received: 0,
    skipped: [],
    ...overrides,
  };
}

export function expectPayloadError(run: () => unknown, message: string | RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PartnerPayloadError);
  if (!(thrown instanceof PartnerPayloadError)) return;
  expect(thrown.code).toBe("invalid_request");
  if (typeof message === "string") expect(thrown.message).toBe(message);
  else expect(thrown.message).toMatch(message);
}

export const amplitudeMember = (userId: unknown, value: unknown, cohortId: unknown = "c1") => ({
  userId,
  cohortId,
  cohortName: "Cohort",
  value,
});
