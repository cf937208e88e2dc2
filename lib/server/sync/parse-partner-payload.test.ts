import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { INTEGRATIONS, getIntegration } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import {
  MAX_MEMBERS_PER_REQUEST,
  parsePartnerPayload,
  type ParsedCohort,
  type ParsedPartnerPush,
} from "@/lib/server/sync/parse-partner-payload";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";

const PAYLOAD_DIR = path.resolve(process.cwd(), "tests/fixtures/partner-payloads");
const ENV = "5f3a9c0e1b2d4e6f8a7b9c0d";

function examplePayload(integrationKey: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(path.join(PAYLOAD_DIR, `${integrationKey}.json`), "utf8"));
  return parsed;
}

function definition(key: string): IntegrationDefinition {
  const found = getIntegration(key);
  if (found === null) throw new Error(`no integration ${key}`);
  return found;
}

function parse(key: string, body: unknown): ParsedPartnerPush {
  return parsePartnerPayload(definition(key), body);
}

function onlyCohort(push: ParsedPartnerPush): ParsedCohort {
  expect(push.cohorts).toHaveLength(1);
  const [cohort] = push.cohorts;
  if (cohort === undefined) throw new Error("no cohort");
  return cohort;
}

function cohort(overrides: Partial<ParsedCohort> & { cohortId: string }): ParsedCohort {
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

function expectPayloadError(run: () => unknown, message: string | RegExp): void {
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

const amplitudeMember = (userId: unknown, value: unknown, cohortId: unknown = "c1") => ({
  userId,
  cohortId,
  cohortName: "Cohort",
  value,
});

describe("integration registry", () => {
  it("has the eight integrations, each under its own key", () => {
    expect(Object.keys(INTEGRATIONS).sort()).toEqual(
      [
        "amplitude",
        "census-synced-segments",
        "heap-inbound",
        "hightouch",
        "rudderstack",
        "segment-audiences",
        "tealium-synced-segments",
        "zeotap",
      ].sort(),
    );
    for (const [key, integration] of Object.entries(INTEGRATIONS)) expect(integration.key).toBe(key);
  });

  it("finds no inherited property for a URL key", () => {
    expect(getIntegration("__proto__")).toBeNull();
    expect(getIntegration("toString")).toBeNull();
    expect(getIntegration("constructor")).toBeNull();
    expect(getIntegration("amplitude")?.key).toBe("amplitude");
  });

  it("holds data only (a JSON round trip keeps every definition)", () => {
    for (const integration of Object.values(INTEGRATIONS)) {
      expect(JSON.parse(JSON.stringify(integration))).toEqual(integration);
    }
  });
});

describe("parsePartnerPayload: example payloads", () => {
  const expected: Record<string, Omit<ParsedPartnerPush, "environmentId" | "skippedWithoutCohort">> = {
    amplitude: {
      contextKind: null,
      received: 3,
      cohorts: [
        cohort({
          cohortId: "c8h2kq1",
          cohortName: "Power users",
          cohortUrl: "https://analytics.example.com/cohort/c8h2kq1",
          add: ["user-1001", "user-1002"],
          remove: ["user-0999"],
          received: 3,
        }),
      ],
    },
    "segment-audiences": {
      contextKind: "user",
      received: 2,
      cohorts: [
        cohort({
          cohortId: "aud_2Nf8sQ",
          cohortName: "Trial ending soon",
          add: ["u_42"],
          remove: ["u_43"],
          received: 2,
        }),
      ],
    },
    "census-synced-segments": {
      contextKind: "user",
      received: 2,
      cohorts: [
        cohort({
          cohortId: "census-model-12",
          cohortName: "High LTV",
          add: ["acct-77", "acct-78"],
          received: 2,
        }),
      ],
    },
    rudderstack: {
      contextKind: "user",
      received: 3,
      cohorts: [
        cohort({
          cohortId: "rs-aud-9",
          cohortName: "Churn risk",
          cohortUrl: "https://app.example.com/audiences/rs-aud-9",
          add: ["user-1", "user-2"],
          remove: ["user-3"],
          received: 3,
        }),
      ],
    },
    "heap-inbound": {
      contextKind: null,
      received: 3,
      cohorts: [
        cohort({
          cohortId: "4411",
          cohortName: "Checkout abandoners",
          add: ["visitor-a", "visitor-b"],
          remove: ["visitor-c"],
          received: 3,
        }),
      ],
    },
    hightouch: {
      contextKind: "user",
      received: 2,
      cohorts: [
        cohort({
          cohortId: "ht-seg-301",
          cohortName: "Enterprise admins",
          add: ["admin-1", "admin-2"],
          received: 2,
        }),
      ],
    },
    zeotap: {
      contextKind: null,
      received: 2,
      cohorts: [cohort({ cohortId: "zt-771", cohortName: "Sports fans", add: ["z-1", "z-2"], received: 2 })],
    },
    "tealium-synced-segments": {
      contextKind: null,
      received: 1,
      cohorts: [
        cohort({ cohortId: "tl-55", cohortName: "Newsletter readers", remove: ["t-9"], received: 1 }),
      ],
    },
  };

  it.each(Object.keys(INTEGRATIONS))("%s", (key) => {
    expect(parse(key, examplePayload(key))).toEqual({
      environmentId: ENV,
      skippedWithoutCohort: [],
      ...expected[key],
    });
  });
});

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

describe("parsePartnerPayload: members", () => {
  it("mode A: a member's own cohort id and name give one cohort each, in first-seen order", () => {
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        { userId: "u1", cohortId: "b", cohortName: "Bee", value: true },
        { userId: "u2", cohortId: "a", cohortName: "Ay", cohortUrl: "https://x.example/a", value: true },
        { userId: "u3", cohortId: "b", cohortName: "Bee (renamed)", value: false },
      ],
    });
    expect(push.received).toBe(3);
    expect(push.cohorts).toEqual([
      cohort({ cohortId: "b", cohortName: "Bee", add: ["u1"], remove: ["u3"], received: 2 }),
      cohort({ cohortId: "a", cohortName: "Ay", cohortUrl: "https://x.example/a", add: ["u2"], received: 1 }),
    ]);
  });

  it("mode A: a member without a cohort id is skipped when others name one", () => {
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        amplitudeMember("u1", true),
        { userId: "u2", value: true },
        { userId: "u3", cohortId: {}, value: true },
      ],
    });
    expect(push.received).toBe(3);
    expect(push.skippedWithoutCohort).toEqual([
      { id: "u2", reason: "missing cohort id" },
      { id: "u3", reason: "invalid cohort id" },
    ]);
    expect(onlyCohort(push)).toMatchObject({ cohortId: "c1", add: ["u1"], received: 1, skipped: [] });
  });

  it("mode A applies items in order: a key's last item decides", () => {
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        amplitudeMember("x", true),
        amplitudeMember("x", false),
        amplitudeMember("y", false),
        amplitudeMember("y", true),
        amplitudeMember("z", true),
        amplitudeMember("w", false),
        amplitudeMember("w", true),
        amplitudeMember("w", false),
      ],
    });
    const cohort = onlyCohort(push);
    expect(cohort).toMatchObject({ received: 8 });
    expect(new Set(cohort.add)).toEqual(new Set(["y", "z"]));
    expect(new Set(cohort.remove)).toEqual(new Set(["x", "w"]));

    // Twilio Segment: a user who leaves and rejoins within one batch, in event order.
    const segment = parse("segment-audiences", {
      environmentId: ENV,
      batch: [
        { userId: "u", cohortId: "aud", cohortName: "Aud", value: false },
        { userId: "u", cohortId: "aud", cohortName: "Aud", value: true },
      ],
    });
    expect(onlyCohort(segment)).toMatchObject({ add: ["u"], remove: [] });
  });

  it("mode A ends where applying every item in order ends, with distinct and disjoint lists", () => {
    const item = fc.record({ key: fc.constantFrom("a", "b", "c", "d"), value: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const last = new Map<string, boolean>();
        for (const { key, value } of items) last.set(key, value);
        const push = parse("amplitude", {
          environmentId: ENV,
          batch: items.map(({ key, value }) => amplitudeMember(key, value)),
        });
        const [only] = push.cohorts;
        const add = only?.add ?? [];
        const remove = only?.remove ?? [];
        expect(new Set(add).size).toBe(add.length);
        expect(new Set(remove).size).toBe(remove.length);
        expect(new Set(add)).toEqual(new Set([...last].filter(([, value]) => value).map(([key]) => key)));
        expect(new Set(remove)).toEqual(new Set([...last].filter(([, value]) => !value).map(([key]) => key)));
      }),
      { numRuns: 500 },
    );
  });

  it("mode B applies adds, then removes: a key in both ends up removed", () => {
    const modeB = parse("rudderstack", {
      environmentId: ENV,
      cohortId: "rs",
      listData: { add: [{ id: "k" }, { id: "j" }], remove: [{ id: "k" }] },
    });
    expect(onlyCohort(modeB)).toMatchObject({ add: ["j"], remove: ["k"] });
  });

  it("counts a duplicate key once", () => {
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        amplitudeMember("d", true),
        amplitudeMember("d", true),
        amplitudeMember(7, true),
        amplitudeMember("7", true),
      ],
    });
    expect(onlyCohort(push)).toMatchObject({ add: ["d", "7"], received: 4, skipped: [] });
  });

  it("skips invalid member ids with a reason and applies the rest", () => {
    const tooLong = "a".repeat(513);
    const emojiKey = "😀".repeat(512);
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        { cohortId: "c1", value: true },
        amplitudeMember(null, true),
        amplitudeMember(12, true),
        amplitudeMember(-3, false),
        amplitudeMember(1.5, true),
        amplitudeMember(true, true),
        amplitudeMember({ id: "o" }, true),
        amplitudeMember("", true),
        amplitudeMember(tooLong, true),
        amplitudeMember("😀".repeat(513), true),
        amplitudeMember(emojiKey, true),
        amplitudeMember("a".repeat(512), true),
        amplitudeMember("tab\there", true),
        amplitudeMember("del\u007f", true),
        amplitudeMember("ok", "yes"),
        amplitudeMember("ok2", null),
        amplitudeMember("ünïcödé", true),
      ],
    });
    const result = onlyCohort(push);
    expect(result.add).toEqual(["12", emojiKey, "a".repeat(512), "ünïcödé"]);
    expect(result.remove).toEqual(["-3"]);
    expect(result.received).toBe(17);
    expect(result.skipped).toEqual([
      { id: "", reason: "missing id" },
      { id: "null", reason: "missing id" },
      { id: "1.5", reason: "not an integer" },
      { id: "true", reason: "not a string" },
      { id: '{"id":"o"}', reason: "not a string" },
      { id: "", reason: "empty" },
      { id: "a".repeat(64), reason: "longer than 512 characters" },
      { id: "😀".repeat(64), reason: "longer than 512 characters" },
      { id: "tab\there", reason: "contains control characters" },
      { id: "del\u007f", reason: "contains control characters" },
      { id: "ok", reason: "value is not a boolean" },
      { id: "ok2", reason: "value is not a boolean" },
    ]);
  });

  it("skips ids PostgreSQL cannot store, and records what it skips and the names as storable text", () => {
    const push = parse("amplitude", {
      environmentId: ENV,
      batch: [
        { ...amplitudeMember("lone\ud800", true), cohortName: "Power\u0000users" },
        amplitudeMember("nul\u0000", true),
        amplitudeMember("pair\ud83d\ude00", true),
      ],
    });
    const result = onlyCohort(push);
    expect(result.add).toEqual(["pair\ud83d\ude00"]);
    expect(result.cohortName).toBe("Power\ufffdusers");
    expect(result.skipped).toEqual([
      { id: "lone\ufffd", reason: "contains an unpaired surrogate" },
      { id: "nul\ufffd", reason: "contains control characters" },
    ]);
    expectPayloadError(
      () => parse("hightouch", { environmentId: ENV, cohortId: "\udc00", action: "add", members: [] }),
      /^invalid "cohortId"/,
    );
  });

  it("mode B and C skip invalid ids too", () => {
    const modeC = parse("zeotap", {
      action: "members",
      parameters: {
        integration_project_id: ENV,
        integration_cohort_id: "z",
        members: [{ integration_distinct_id: "ok" }, { integration_distinct_id: "" }, "bare", { other: "x" }],
      },
    });
    expect(onlyCohort(modeC)).toMatchObject({
      add: ["ok"],
      received: 4,
      skipped: [
        { id: "", reason: "empty" },
        { id: "", reason: "missing id" },
        { id: "", reason: "missing id" },
      ],
    });
    expect(modeC.received).toBe(4);
  });

  it("is safe against __proto__ and inherited property names", () => {
    const body: unknown = JSON.parse(
      `{"environmentId": "${ENV}", "__proto__": {"polluted": true}, "batch": [
        {"userId": "__proto__", "cohortId": "__proto__", "cohortName": "constructor", "value": true},
        {"userId": "constructor", "cohortId": "toString", "value": true},
        {"__proto__": {"userId": "inherited"}, "cohortId": "c1", "value": true}
      ]}`,
    );
    const push = parse("amplitude", body);
    expect(push.cohorts.map((c) => [c.cohortId, c.add])).toEqual([
      ["__proto__", ["__proto__"]],
      ["toString", ["constructor"]],
      ["c1", []],
    ]);
    expect(push.cohorts[2]?.skipped).toEqual([{ id: "", reason: "missing id" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // An environment id only reachable through the prototype does not count.
    const inherited: unknown = JSON.parse(`{"__proto__": {"environmentId": "${ENV}"}, "batch": []}`);
    expectPayloadError(() => parse("amplitude", inherited), 'missing "environmentId"');
    const viaPrototype = Object.create({ environmentId: ENV, batch: [] }) as object;
    expectPayloadError(() => parse("amplitude", viaPrototype), 'missing "environmentId"');
  });

  it("keeps only http(s) cohort URLs", () => {
    const push = parse("rudderstack", {
      environmentId: ENV,
      cohortId: "rs",
      cohortUrl: "javascript:alert(1)",
      listData: { add: [] },
    });
    expect(onlyCohort(push).cohortUrl).toBeNull();
  });

  it("reads a cohort description beside the cohort name", () => {
    const modeB = parse("rudderstack", {
      environmentId: ENV,
      cohortId: "rs",
      cohortName: "N",
      description: "Described",
      listData: { add: [] },
    });
    expect(onlyCohort(modeB).cohortDescription).toBe("Described");
    const modeA = parse("amplitude", {
      environmentId: ENV,
      batch: [{ ...amplitudeMember("u", true), cohortDescription: "Item level" }],
    });
    expect(onlyCohort(modeA).cohortDescription).toBe("Item level");
  });

  it("tealium: exactly add_member adds, anything else removes", () => {
    const body = (action: unknown) => ({
      action,
      parameters: { tealium_project_id: ENV, tealium_cohort_id: "tl", members: [{ member_id: "m" }] },
    });
    expect(onlyCohort(parse("tealium-synced-segments", body("add_member")))).toMatchObject({
      add: ["m"],
      remove: [],
    });
    for (const action of [
      "remove_member",
      "add_members",
      "ADD_MEMBER",
      "add",
      " add_member",
      "xadd_member",
    ]) {
      expect(onlyCohort(parse("tealium-synced-segments", body(action)))).toMatchObject({
        add: [],
        remove: ["m"],
      });
    }
  });

  it("zeotap: members or add_members adds, anything else removes", () => {
    const body = (action: unknown) => ({
      action,
      parameters: {
        integration_project_id: ENV,
        integration_cohort_id: "zt",
        members: [{ integration_distinct_id: "m" }],
      },
    });
    for (const action of ["members", "add_members"]) {
      expect(onlyCohort(parse("zeotap", body(action)))).toMatchObject({ add: ["m"], remove: [] });
    }
    for (const action of [
      "remove_members",
      "delete",
      "add_member",
      "members_add",
      "membersadd_members",
      "",
    ]) {
      expect(onlyCohort(parse("zeotap", body(action)))).toMatchObject({ add: [], remove: ["m"] });
    }
  });

  it("hightouch: exactly add adds, anything else removes", () => {
    const body = (action: unknown) => ({
      environmentId: ENV,
      cohortId: "ht",
      action,
      members: [{ integration_distinct_id: "m" }],
    });
    expect(onlyCohort(parse("hightouch", body("add")))).toMatchObject({ add: ["m"], remove: [] });
    for (const action of ["remove", "added", "Add", "readd", ""]) {
      expect(onlyCohort(parse("hightouch", body(action)))).toMatchObject({ add: [], remove: ["m"] });
    }
  });
});

describe("parsePartnerPayload: never throws anything but PartnerPayloadError", () => {
  function expectParsesOrRejects(integration: IntegrationDefinition, body: unknown): void {
    try {
      const push = parsePartnerPayload(integration, body);
      expect(typeof push.environmentId).toBe("string");
    } catch (error) {
      if (!(error instanceof PartnerPayloadError)) throw error;
    }
  }

  const integrations = Object.values(INTEGRATIONS);

  it("for any JSON value as the body", () => {
    fc.assert(
      fc.property(fc.constantFrom(...integrations), fc.jsonValue(), (integration, body) => {
        expectParsesOrRejects(integration, body);
      }),
      { numRuns: 2000 },
    );
  });

  type Path = readonly (string | number)[];

  function pathsOf(value: unknown, prefix: Path = []): Path[] {
    const children: Path[] = [];
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => children.push(...pathsOf(item, [...prefix, index])));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) children.push(...pathsOf(item, [...prefix, key]));
    }
    return [prefix, ...children];
  }

  function replaceAt(value: unknown, at: Path, replacement: unknown): unknown {
    const [head, ...rest] = at;
    if (head === undefined) return replacement;
    if (Array.isArray(value) && typeof head === "number") {
      return value.map((item: unknown, index) =>
        index === head ? replaceAt(item, rest, replacement) : item,
      );
    }
    if (typeof value === "object" && value !== null && typeof head === "string") {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          key === head ? replaceAt(item, rest, replacement) : item,
        ]),
      );
    }
    return value;
  }

  it("for an example payload with parts replaced by any JSON value", () => {
    const cases = integrations.map((integration) => {
      const example = examplePayload(integration.key);
      return { integration, example, paths: pathsOf(example) };
    });
    fc.assert(
      fc.property(
        fc
          .constantFrom(...cases)
          .chain(({ integration, example, paths }) =>
            fc.tuple(
              fc.constant(integration),
              fc.constant(example),
              fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
            ),
          ),
        ([integration, example, replacements]) => {
          const body = replacements.reduce<unknown>(
            (value, [at, json]) => replaceAt(value, at, json),
            example,
          );
          expectParsesOrRejects(integration, body);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
