import { describe, expect, it } from "vitest";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { readPartnerRefusalDetails } from "@/lib/server/rejected-pushes/read-partner-refusal-details";

const ENVIRONMENT = "0123456789abcdef01234567";

describe("what a refused partner body tells", () => {
  it.each(Object.values(INTEGRATIONS).map((definition) => [definition.key, definition] as const))(
    "%s: the client-side ID and the first three member ids, cut to 64 characters",
    (_key, definition) => {
      const ids = ["a".repeat(100), "b", "c", "d"];
      const body = buildPartnerPayload(
        definition,
        { environmentId: ENVIRONMENT, cohortId: "c1", cohortName: "C" },
        ids,
      );
      expect(readPartnerRefusalDetails(definition, body)).toEqual({
        clientSideId: ENVIRONMENT,
        memberSample: ["a".repeat(64), "b", "c"],
      });
    },
  );

  it("nothing from a body that is not an object, and no client-side ID that is not a string", () => {
    const amplitude = INTEGRATIONS.amplitude;
    expect(readPartnerRefusalDetails(amplitude, [1, 2])).toEqual({ clientSideId: null, memberSample: [] });
    expect(readPartnerRefusalDetails(amplitude, { environmentId: 42, batch: "no" })).toEqual({
      clientSideId: null,
      memberSample: [],
    });
  });
});
