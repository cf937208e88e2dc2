import { describe, expect, it } from "vitest";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import type { ParsedPartnerPush } from "@/lib/server/sync/parse-partner-payload";
import { ENV, examplePayload, parse, cohort } from "@/tests/support/parse-partner-helpers";

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
