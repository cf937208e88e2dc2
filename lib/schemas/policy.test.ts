import { describe, expect, it } from "vitest";
import { z } from "zod";
import { policySchema, policyStatementSchema } from "@/lib/schemas/policy";

const valid = { effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/*"] };

function issuesOf(schema: z.ZodType, value: unknown): { path: PropertyKey[]; message: string }[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

describe("policySchema accepts", () => {
  it.each([
    ["an empty policy", []],
    ["a plain statement", [valid]],
    [
      "globs that match known actions",
      [{ effect: "allow", actions: ["update*", "*", "view*", "*Segment"], resources: ["proj/*"] }],
    ],
    [
      "notActions and notResources",
      [{ effect: "deny", notActions: ["view*"], notResources: ["proj/web;mobile"] }],
    ],
    [
      "every example specifier",
      [
        {
          effect: "allow",
          actions: ["*"],
          resources: [
            "proj/*",
            "proj/web;mobile",
            "proj/*:env/production:segment/*",
            "proj/*:env/*:segment/amplitude-*",
            "member/*:token/*",
            "service-token/*",
            "role/*",
            "acct",
          ],
        },
      ],
    ],
  ])("%s", (_label, policy) => {
    expect(policySchema.safeParse(policy).success).toBe(true);
  });

  it("keeps the statement as given", () => {
    expect(policySchema.parse([valid])).toEqual([valid]);
  });
});

describe("policySchema rejects", () => {
  it.each([
    [
      "an empty actions list",
      [valid, { effect: "allow", actions: [], resources: ["proj/*"] }],
      [1, "actions"],
      'statement 1: "actions" must not be empty',
    ],
    [
      "an empty resources list",
      [{ effect: "allow", actions: ["*"], resources: [] }],
      [0, "resources"],
      'statement 0: "resources" must not be empty',
    ],
    [
      "an empty notResources list",
      [{ effect: "deny", actions: ["*"], notResources: [] }],
      [0, "notResources"],
      'statement 0: "notResources" must not be empty',
    ],
    [
      "both actions and notActions",
      [{ effect: "allow", actions: ["*"], notActions: ["view*"], resources: ["proj/*"] }],
      [0, "notActions"],
      'statement 0: use exactly one of "actions" and "notActions", not both',
    ],
    [
      "neither actions nor notActions",
      [{ effect: "allow", resources: ["proj/*"] }],
      [0, "actions"],
      'statement 0: "actions" or "notActions" is required',
    ],
    [
      "both resources and notResources",
      [{ effect: "allow", actions: ["*"], resources: ["proj/*"], notResources: ["role/*"] }],
      [0, "notResources"],
      'statement 0: use exactly one of "resources" and "notResources", not both',
    ],
    [
      "neither resources nor notResources",
      [valid, valid, { effect: "allow", actions: ["*"] }],
      [2, "resources"],
      'statement 2: "resources" or "notResources" is required',
    ],
    [
      "an unknown action",
      [{ effect: "allow", actions: ["updateIncluded", "updateSegment"], resources: ["proj/*"] }],
      [0, "actions", 1],
      'statement 0: "actions" has an unknown action "updateSegment"',
    ],
    [
      "an action in the wrong case",
      [{ effect: "allow", actions: ["UpdateIncluded"], resources: ["proj/*"] }],
      [0, "actions", 0],
      'statement 0: "actions" has an unknown action "UpdateIncluded"',
    ],
    [
      "an unknown action in notActions",
      [{ effect: "deny", notActions: ["fly"], resources: ["proj/*"] }],
      [0, "notActions", 0],
      'statement 0: "notActions" has an unknown action "fly"',
    ],
    [
      "a glob matching no action",
      [{ effect: "allow", actions: ["fly*"], resources: ["proj/*"] }],
      [0, "actions", 0],
      'statement 0: "actions" has a pattern "fly*" that matches no known action',
    ],
    [
      "a bad specifier",
      [valid, valid, { effect: "allow", actions: ["*"], resources: ["proj/*", "proj/*:env"] }],
      [2, "resources", 1],
      'statement 2: "resources" has an invalid resource specifier "proj/*:env" ("env" (part 2) needs a name, such as "env/*")',
    ],
    [
      "a specifier of an unknown nesting",
      [{ effect: "allow", actions: ["*"], notResources: ["segment/*"] }],
      [0, "notResources", 0],
      'statement 0: "notResources" has an invalid resource specifier "segment/*"',
    ],
    [
      "a bad effect",
      [{ effect: "maybe", actions: ["*"], resources: ["proj/*"] }],
      [0, "effect"],
      'statement 0: "effect" must be "allow" or "deny"',
    ],
    [
      "a missing effect",
      [valid, { actions: ["*"], resources: ["proj/*"] }],
      [1, "effect"],
      'statement 1: "effect" must be "allow" or "deny"',
    ],
    [
      "actions that are not a list",
      [{ effect: "allow", actions: "*", resources: ["proj/*"] }],
      [0, "actions"],
      'statement 0: "actions" must be a list of strings',
    ],
    [
      "a resource that is not a string",
      [{ effect: "allow", actions: ["*"], resources: [7] }],
      [0, "resources", 0],
      'statement 0: "resources" must contain only strings',
    ],
    [
      "an unknown field",
      [{ effect: "allow", actions: ["*"], resources: ["proj/*"], resource: "proj/*" }],
      [0],
      'statement 0: unknown field "resource"',
    ],
    [
      "a statement that is not an object",
      [valid, "allow all"],
      [1],
      "statement 1: a statement must be an object",
    ],
    ["a policy that is not a list", { effect: "allow" }, [], "a policy must be a list of statements"],
  ])("%s", (_label, policy, path, message) => {
    const issue = issuesOf(policySchema, policy).find((found) => samePath(found.path, path));
    expect(issue?.message).toContain(message);
  });

  it("reports every problem, each at its own path", () => {
    const issues = issuesOf(policySchema, [
      { effect: "allow", actions: ["fly"], resources: ["proj/*", "nope"] },
      { effect: "deny", actions: ["*"], notResources: ["acct/x"] },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      [0, "actions", 0],
      [0, "resources", 1],
      [1, "notResources", 0],
    ]);
  });

  it("finds the statement index when the policy is nested in a request body", () => {
    const body = z.object({ name: z.string(), policy: policySchema });
    const issues = issuesOf(body, {
      name: "ops",
      policy: [valid, { effect: "allow", actions: [], resources: ["proj/*"] }],
    });
    expect(issues).toEqual([
      { path: ["policy", 1, "actions"], message: 'statement 1: "actions" must not be empty' },
    ]);
  });
});

describe("policyStatementSchema on its own", () => {
  it("has no statement number to report", () => {
    expect(
      issuesOf(policyStatementSchema, { effect: "allow", actions: ["*"], resources: ["proj/*:env"] }),
    ).toEqual([
      {
        path: ["resources", 0],
        message:
          '"resources" has an invalid resource specifier "proj/*:env" ("env" (part 2) needs a name, such as "env/*")',
      },
    ]);
  });
});
