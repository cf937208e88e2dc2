import { describe, expect, it } from "vitest";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { MAX_MEMBERS_PER_REQUEST } from "@/lib/server/sync/parse-partner-payload";
import { ENV, expectPayloadError, onlyCohort, parse } from "@/tests/support/parse-partner-helpers";

describe("parsePartnerPayload: request-level errors", () => {
  it.each([null, [], "text", 42, true])("rejects a body that is not an object: %j", (body) => {
    for (const key of Object.keys(INTEGRATIONS)) {
      expectPayloadError(() => parse(key, body), "request body must be a JSON object");
    }
  });

  it("rejects a missing or invalid environment id, naming the field", () => {
    expectPayloadError(() => parse("amplitude", { batch: [] }), 'missing "environmentId"');
    expectPayloadError(
      () => parse("amplitude", { environmentId: null, batch: [] }),
      'missing "environmentId"',
    );
    expectPayloadError(
      () => parse("amplitude", { environmentId: 12, batch: [] }),
      'invalid "environmentId": must be a non-empty string',
    );
    expectPayloadError(
      () => parse("amplitude", { environmentId: "", batch: [] }),
      /^invalid "environmentId"/,
    );
    expectPayloadError(() => parse("census-synced-segments", { batch: [] }), 'missing "environment_id"');
    expectPayloadError(
      () => parse("heap-inbound", { parameters: {}, heap: { data: { segment: { id: 1 }, add: [] } } }),
      'missing "parameters.environment_id"',
    );
    expectPayloadError(
      () => parse("zeotap", { action: "members", parameters: [] }),
      'missing "parameters.integration_project_id"',
    );
  });

  it("rejects a missing or invalid cohort id, naming the field", () => {
    expectPayloadError(
      () => parse("rudderstack", { environmentId: ENV, listData: { add: [{ id: "a" }] } }),
      'missing "cohortId"',
    );
    expectPayloadError(
      () =>
        parse("tealium-synced-segments", {
          action: "add_member",
          parameters: { tealium_project_id: ENV, members: [] },
        }),
      'missing "parameters.tealium_cohort_id"',
    );
    expectPayloadError(
      () => parse("hightouch", { environmentId: ENV, cohortId: { id: 1 }, action: "add", members: [] }),
      /^invalid "cohortId"/,
    );
    expectPayloadError(
      () => parse("hightouch", { environmentId: ENV, cohortId: 1.5, action: "add", members: [] }),
      /^invalid "cohortId"/,
    );
    expectPayloadError(
      () => parse("hightouch", { environmentId: ENV, cohortId: "a\u0000b", action: "add", members: [] }),
      /^invalid "cohortId"/,
    );
    // Mode A: no member names a cohort, so the request as a whole lacks one.
    expectPayloadError(
      () => parse("amplitude", { environmentId: ENV, batch: [{ userId: "u1", value: true }] }),
      'missing "cohortId" in the items of "batch"',
    );
    expectPayloadError(
      () => parse("amplitude", { environmentId: ENV, batch: [{ userId: "u1", cohortId: [], value: true }] }),
      /^invalid "cohortId" in the items of "batch"/,
    );
  });

  it("uses a numeric cohort id as its decimal string", () => {
    const body = {
      environmentId: ENV,
      cohortId: 42,
      action: "add",
      members: [{ integration_distinct_id: "a" }],
    };
    expect(onlyCohort(parse("hightouch", body)).cohortId).toBe("42");
    const big = { ...body, cohortId: 1e21 };
    expect(onlyCohort(parse("hightouch", big)).cohortId).toBe("1000000000000000000000");
  });

  it("mode A: rejects a missing or non-array members array", () => {
    expectPayloadError(() => parse("amplitude", { environmentId: ENV }), 'missing "batch"');
    expectPayloadError(() => parse("amplitude", { environmentId: ENV, batch: null }), 'missing "batch"');
    expectPayloadError(
      () => parse("amplitude", { environmentId: ENV, batch: {} }),
      'invalid "batch": must be an array',
    );
  });

  it("mode B: a missing add or remove array is empty, both missing is an error", () => {
    const base = { environmentId: ENV, cohortId: "rs-1" };
    expect(onlyCohort(parse("rudderstack", { ...base, listData: { add: [{ id: "a" }] } }))).toMatchObject({
      add: ["a"],
      remove: [],
    });
    expect(
      onlyCohort(parse("rudderstack", { ...base, listData: { remove: [{ id: "r" }], add: null } })),
    ).toMatchObject({
      add: [],
      remove: ["r"],
    });
    expectPayloadError(
      () => parse("rudderstack", { ...base, listData: {} }),
      'missing "listData.add" and "listData.remove"',
    );
    expectPayloadError(() => parse("rudderstack", base), 'missing "listData.add" and "listData.remove"');
    expectPayloadError(
      () => parse("rudderstack", { ...base, listData: { add: "a" } }),
      'invalid "listData.add": must be an array',
    );
  });

  it("mode C: rejects a missing members array or a missing action", () => {
    const base = { environmentId: ENV, cohortId: "h-1" };
    expectPayloadError(() => parse("hightouch", { ...base, action: "add" }), 'missing "members"');
    expectPayloadError(() => parse("hightouch", { ...base, members: [] }), 'missing "action"');
    expectPayloadError(
      () => parse("hightouch", { ...base, action: 1, members: [] }),
      'invalid "action": must be a string',
    );
  });

  it("rejects an invalid context kind and reads an empty one as not sent", () => {
    const base = { environmentId: ENV, cohortId: "h-1", action: "add", members: [] };
    expect(parse("hightouch", { ...base, contextKind: "" }).contextKind).toBeNull();
    expect(parse("hightouch", { ...base, contextKind: null }).contextKind).toBeNull();
    expect(parse("hightouch", { ...base, contextKind: "org" }).contextKind).toBe("org");
    for (const contextKind of [1, "a b", "kind", "multi", ["user"]]) {
      expectPayloadError(() => parse("hightouch", { ...base, contextKind }), /^invalid "contextKind"/);
    }
  });

  it(`rejects more than ${MAX_MEMBERS_PER_REQUEST} members`, () => {
    const members = Array.from({ length: MAX_MEMBERS_PER_REQUEST + 1 }, (_, i) => ({
      integration_distinct_id: `m${i}`,
    }));
    const body = { environmentId: ENV, cohortId: "h-1", action: "add", members };
    expectPayloadError(
      () => parse("hightouch", body),
      "too many members: 100001 (at most 100000 per request)",
    );

    const half = Math.ceil((MAX_MEMBERS_PER_REQUEST + 1) / 2);
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));
    const split = {
      environmentId: ENV,
      cohortId: "rs-1",
      listData: { add: ids("a", half), remove: ids("r", MAX_MEMBERS_PER_REQUEST + 1 - half) },
    };
    expectPayloadError(
      () => parse("rudderstack", split),
      "too many members: 100001 (at most 100000 per request)",
    );

    // Skipped members count too.
    const batch = Array.from({ length: MAX_MEMBERS_PER_REQUEST + 1 }, () => ({
      cohortId: "c1",
      value: true,
    }));
    expectPayloadError(() => parse("amplitude", { environmentId: ENV, batch }), /^too many members: 100001/);
  });

  it(`parses ${MAX_MEMBERS_PER_REQUEST} members across three cohorts`, () => {
    const batch = Array.from({ length: MAX_MEMBERS_PER_REQUEST }, (_, i) => ({
      userId: `user-${i % 60_000}`,
      cohortId: `c${i % 3}`,
      cohortName: "Big",
      cohortUrl: "https://example.com/c",
      value: i % 7 !== 0,
    }));
    const push = parse("amplitude", { environmentId: ENV, batch });
    expect(push.received).toBe(MAX_MEMBERS_PER_REQUEST);
    expect(push.cohorts).toHaveLength(3);
  });
});
