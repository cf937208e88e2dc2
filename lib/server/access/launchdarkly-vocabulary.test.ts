import { describe, expect, it } from "vitest";
import { policySchema } from "@/lib/schemas/policy";
import { ALL_ACTIONS, POLICY_ACTIONS, isAction, isPolicyAction } from "@/lib/server/access/actions";
import {
  LAUNCHDARKLY_ACTIONS,
  LAUNCHDARKLY_RESOURCE_SHAPES,
} from "@/lib/server/access/launchdarkly-vocabulary";
import { evaluateAccess } from "@/lib/server/access/policy";
import { RESOURCE_SHAPES } from "@/lib/server/access/resource";

const CENSUS_POLICY = policySchema.parse([
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
  { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
]);

/** One concrete resource of every shape Tributary has. */
const TRIBUTARY_RESOURCES = RESOURCE_SHAPES.map((shape) =>
  shape.map((type) => (type === "acct" ? type : `${type}/x`)).join(":"),
);

describe("LaunchDarkly's vocabulary", () => {
  it("is data without duplicates, and includes what partners' guides ask for", () => {
    expect(new Set(LAUNCHDARKLY_ACTIONS).size).toBe(LAUNCHDARKLY_ACTIONS.length);
    expect(LAUNCHDARKLY_ACTIONS).toContain("importEventData");
    expect(LAUNCHDARKLY_RESOURCE_SHAPES).toContainEqual(["proj", "metric"]);
  });

  it("extends what a policy may name without adding anything a request checks", () => {
    expect(isPolicyAction("importEventData")).toBe(true);
    expect(isAction("importEventData")).toBe(false);
    expect(ALL_ACTIONS.every((action) => POLICY_ACTIONS.includes(action))).toBe(true);
    expect(isPolicyAction("importEverything")).toBe(false);
  });

  it("grants nothing through Census's policy: no action Tributary checks, on no resource it has", () => {
    for (const action of ALL_ACTIONS) {
      for (const resource of TRIBUTARY_RESOURCES) {
        expect(evaluateAccess([{ name: "census", policy: CENSUS_POLICY }], action, resource).allowed).toBe(
          false,
        );
      }
    }
  });

  it("tells the policy tester why a LaunchDarkly action or resource is not granted", () => {
    expect(
      evaluateAccess([{ name: "census", policy: CENSUS_POLICY }], "importEventData", "proj/web:env/prod"),
    ).toEqual({
      allowed: false,
      reason:
        '"importEventData" is a LaunchDarkly action that governs nothing in Tributary, so no policy grants it here',
      matched: null,
    });
    expect(
      evaluateAccess([{ name: "census", policy: CENSUS_POLICY }], "createSegment", "proj/web:metric/x"),
    ).toEqual({
      allowed: false,
      reason:
        '"proj/web:metric/x" is not a valid resource: "proj:metric" is a LaunchDarkly resource that Tributary does not have',
      matched: null,
    });
  });
});
