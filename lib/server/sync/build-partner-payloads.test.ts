import { describe, expect, it } from "vitest";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS, type IntegrationKey } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { isRecord, resolveChoice } from "@/lib/server/sync/json-pointer";
import { parsePartnerPayload } from "@/lib/server/sync/parse-partner-payload";
import { FIXTURE_ENVIRONMENT_ID, partnerFixture } from "@/tests/support/partner-payloads";

/** The cohort id exactly as the fixture sends it (Heap's is a number). */
function rawCohortId(definition: IntegrationDefinition, body: unknown): string | number {
  let raw: unknown;
  if (definition.mode === "A") {
    const items = resolveChoice(body, definition.members.array);
    const firstItem: unknown = Array.isArray(items) ? items[0] : undefined;
    raw =
      definition.members.cohortId === undefined
        ? undefined
        : resolveChoice(firstItem, definition.members.cohortId);
  } else {
    raw = resolveChoice(body, definition.cohortId);
  }
  if (typeof raw !== "string" && typeof raw !== "number") throw new Error("the fixture sends no cohort id");
  return raw;
}

describe("buildPartnerPayloads", () => {
  it.each(Object.keys(INTEGRATIONS) as IntegrationKey[])(
    "rebuilds tests/fixtures/partner-payloads/%s.json from the definition",
    (integrationKey) => {
      const definition = INTEGRATIONS[integrationKey];
      const fixture = partnerFixture(integrationKey);
      const parsed = parsePartnerPayload(definition, fixture);
      const [cohort] = parsed.cohorts;
      if (cohort === undefined || parsed.cohorts.length !== 1) throw new Error("a fixture has one cohort");
      const built = buildPartnerPayloads(
        definition,
        {
          environmentId: FIXTURE_ENVIRONMENT_ID,
          cohortId: rawCohortId(definition, fixture),
          cohortName: cohort.cohortName ?? undefined,
          cohortUrl: cohort.cohortUrl ?? undefined,
          contextKind: parsed.contextKind ?? undefined,
        },
        { add: cohort.add, remove: cohort.remove },
      );
      expect(built).toEqual([fixture]);
    },
  );

  it("sends a mode C tool's adds and removes as two bodies, each with its action", () => {
    const definition = INTEGRATIONS.zeotap;
    const bodies = buildPartnerPayloads(
      definition,
      { environmentId: "env", cohortId: "c" },
      { add: ["a"], remove: ["b"] },
    );
    expect(bodies.map((body) => parsePartnerPayload(definition, body).cohorts)).toMatchObject([
      [{ cohortId: "c", add: ["a"], remove: [] }],
      [{ cohortId: "c", add: [], remove: ["b"] }],
    ]);
  });

  it.each(Object.values(INTEGRATIONS).filter((definition) => definition.mode === "C"))(
    "$key: the add action matches the add pattern and the remove action does not",
    (definition) => {
      if (definition.mode !== "C") throw new Error("mode C only");
      const pattern = new RegExp(`^(?:${definition.members.addPattern})$`, "u");
      expect(pattern.test(definition.members.addAction)).toBe(true);
      expect(pattern.test(definition.members.removeAction)).toBe(false);
    },
  );

  it("builds what the parser reads back for every integration", () => {
    for (const definition of Object.values(INTEGRATIONS)) {
      const [body] = buildPartnerPayloads(
        definition,
        { environmentId: "env", cohortId: "cohort-1", cohortName: "Name" },
        { add: ["k1", "k2"] },
      );
      expect(isRecord(body)).toBe(true);
      const parsed = parsePartnerPayload(definition, body);
      expect(parsed.environmentId).toBe("env");
      expect(parsed.cohorts).toMatchObject([{ cohortId: "cohort-1", cohortName: "Name", add: ["k1", "k2"] }]);
    }
  });
});
