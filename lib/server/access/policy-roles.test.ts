import { describe, expect, it } from "vitest";
import { policySchema, type Policy, type PolicyStatement } from "@/lib/schemas/policy";
import { ALL_ACTIONS } from "@/lib/server/access/actions";
import { evaluateAccess, evaluatePolicy } from "@/lib/server/access/policy";
import { BUILT_IN_ROLES, builtInRoleNames } from "@/lib/server/access/roles";
import {
  allow,
  deny,
  builtIn,
  SEG,
  SEG_STAGING,
  ALL_SEGMENTS,
  CONCRETE_EXAMPLES,
} from "@/tests/support/policy-statements";

describe("evaluatePolicy", () => {
  const policy: Policy = [
    allow(["view*"], [ALL_SEGMENTS]),
    allow(["*"], [ALL_SEGMENTS]),
    deny(["delete*"], ["proj/*:env/production:segment/*"]),
    deny(["*"], ["proj/*:env/production:segment/locked"]),
  ];

  it.each([
    ["viewSegment", SEG, "allow", 0],
    ["updateIncluded", SEG, "allow", 1],
    ["deleteSegment", SEG, "deny", 2],
    ["deleteSegment", SEG_STAGING, "allow", 1],
    ["viewSegment", "proj/web:env/production:segment/locked", "deny", 3],
    ["updateProject", "proj/web", "none", null],
    ["viewSegment", "not a resource", "none", null],
  ])("%s on %s: %s by statement %s", (action, resource, effect, statementIndex) => {
    expect(evaluatePolicy(policy, action, resource)).toEqual({ effect, statementIndex });
  });
});

describe("built-in roles", () => {
  it.each(builtInRoleNames)("%s passes the policy schema", (name) => {
    expect(policySchema.parse(BUILT_IN_ROLES[name])).toEqual(BUILT_IN_ROLES[name]);
  });

  it("cannot be changed at run time", () => {
    const writer: PolicyStatement[] = BUILT_IN_ROLES.writer;
    expect(() => writer.push(allow(["*"], ["acct"]))).toThrow();
    expect(() => writer[0]?.resources?.push("acct")).toThrow();
  });

  it("reader may do exactly the view actions", () => {
    const changes = ALL_ACTIONS.filter((action) => !action.startsWith("view"));
    for (const action of changes) {
      for (const resource of CONCRETE_EXAMPLES) {
        expect(evaluateAccess([builtIn("reader")], action, resource).allowed).toBe(false);
      }
    }
    for (const resource of CONCRETE_EXAMPLES) {
      expect(evaluateAccess([builtIn("reader")], "viewProject", resource).allowed).toBe(true);
    }
  });

  it("owner and admin may do everything, no_access nothing", () => {
    for (const action of ALL_ACTIONS) {
      for (const resource of CONCRETE_EXAMPLES) {
        expect(evaluateAccess([builtIn("owner")], action, resource).allowed).toBe(true);
        expect(evaluateAccess([builtIn("admin")], action, resource).allowed).toBe(true);
        expect(evaluateAccess([builtIn("no_access")], action, resource).allowed).toBe(false);
      }
    }
  });
});

// Property-based tests over generated policies and resources of every known shape.
