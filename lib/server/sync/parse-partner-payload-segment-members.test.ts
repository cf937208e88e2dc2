import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ENV,
  parse,
  onlyCohort,
  cohort,
  expectPayloadError,
  amplitudeMember,
} from "@/tests/support/parse-partner-helpers";

describe("parsePartnerPayload: segment members", () => {
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
      { id: "u2", reason: "missing cohort id", position: 2 },
      { id: "u3", reason: "invalid cohort id", position: 3 },
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
      { id: "", reason: "missing id", position: 1 },
      { id: "null", reason: "missing id", position: 2 },
      { id: "1.5", reason: "not an integer", position: 5 },
      { id: "true", reason: "not a string", position: 6 },
      { id: '{"id":"o"}', reason: "not a string", position: 7 },
      { id: "", reason: "empty", position: 8 },
      { id: "a".repeat(64), reason: "longer than 512 characters", position: 9 },
      { id: "😀".repeat(64), reason: "longer than 512 characters", position: 10 },
      { id: "tab\there", reason: "contains control characters", position: 13 },
      { id: "del\u007f", reason: "contains control characters", position: 14 },
      { id: "ok", reason: "value is not a boolean", position: 15 },
      { id: "ok2", reason: "value is not a boolean", position: 16 },
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
      { id: "lone\ufffd", reason: "contains an unpaired surrogate", position: 1 },
      { id: "nul\ufffd", reason: "contains control characters", position: 2 },
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
        { id: "", reason: "empty", position: 2 },
        { id: "", reason: "missing id", position: 3 },
        { id: "", reason: "missing id", position: 4 },
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
    expect(push.cohorts[2]?.skipped).toEqual([{ id: "", reason: "missing id", position: 3 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // An environment id only reachable through the prototype does not count.
    const inherited: unknown = JSON.parse(`{"__proto__": {"environmentId": "${ENV}"}, "batch": []}`);
    expectPayloadError(() => parse("amplitude", inherited), 'missing "environmentId"');
    const viaPrototype = Object.create({ environmentId: ENV, batch: [] }) as object;
    expectPayloadError(() => parse("amplitude", viaPrototype), 'missing "environmentId"');
  });
});
