import { describe, expect, it } from "vitest";
import { policySchema } from "@/lib/schemas/policy";
import {
  LAUNCHDARKLY_ACTIONS,
  LAUNCHDARKLY_RESOURCE_SHAPES,
} from "@/lib/server/access/launchdarkly-vocabulary";
import {
  MAX_ACTION_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_ENTRIES,
  MAX_POLICY_STATEMENTS,
  MAX_SPECIFIER_LENGTH,
  MAX_STATEMENT_ITEMS,
} from "@/lib/server/access/policy-limits";

/** What Census's setup guide has users paste into a LaunchDarkly token's inline policy. */
const CENSUS_POLICY = [
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
  { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
];

/** Tealium's guide asks for `importEventData` next to the segment actions. */
const TEALIUM_POLICY = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
];

function messages(policy: unknown): string[] {
  const result = policySchema.safeParse(policy);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const statement = (fields: Record<string, unknown>) => ({ effect: "allow", ...fields });

describe("LaunchDarkly's vocabulary", () => {
  it.each([
    ["Census", CENSUS_POLICY],
    ["Tealium", TEALIUM_POLICY],
  ])("accepts %s's documented policy as it is", (_partner, policy) => {
    expect(policySchema.parse(policy)).toEqual(policy);
  });

  it("accepts every action and every resource type it names", () => {
    const chunks: string[][] = [];
    for (let from = 0; from < LAUNCHDARKLY_ACTIONS.length; from += MAX_STATEMENT_ITEMS) {
      chunks.push(LAUNCHDARKLY_ACTIONS.slice(from, from + MAX_STATEMENT_ITEMS));
    }
    const specifiers = LAUNCHDARKLY_RESOURCE_SHAPES.map((shape) =>
      shape.map((type) => (type === "acct" || type === "ip-allowlist" ? type : `${type}/*`)).join(":"),
    );
    const policy = [
      ...chunks.map((actions) => statement({ actions, resources: ["acct"] })),
      statement({ actions: ["*"], resources: specifiers }),
    ];
    expect(messages(policy)).toEqual([]);
  });

  it("still refuses a made-up action and a made-up resource type", () => {
    expect(messages([statement({ actions: ["importEverything"], resources: ["proj/*:env/*"] })])).toEqual([
      'statement 0: "actions" has an unknown action "importEverything"',
    ]);
    expect(messages([statement({ actions: ["*"], resources: ["proj/*:gadget/*"] })])).toEqual([
      'statement 0: "resources" has an invalid resource specifier "proj/*:gadget/*" ("gadget/*" (part 2) has an unknown type "gadget")',
    ]);
  });

  it("still refuses a type nested where LaunchDarkly does not nest it", () => {
    expect(messages([statement({ actions: ["*"], resources: ["proj/*:flag/*"] })])[0]).toContain(
      '"proj:flag" is not a valid nesting of resource types',
    );
  });
});

describe("policy limits", () => {
  function many<T>(count: number, make: (index: number) => T): T[] {
    return Array.from({ length: count }, (_, i) => make(i));
  }

  it.each([
    [
      "statements",
      many(MAX_POLICY_STATEMENTS + 1, () => "proj/*").map((resource) =>
        statement({ actions: ["*"], resources: [resource] }),
      ),
      `a policy has at most ${MAX_POLICY_STATEMENTS} statements`,
    ],
    [
      "entries in one list",
      [statement({ actions: ["*"], resources: many(MAX_STATEMENT_ITEMS + 1, (i) => `proj/p${i}`) })],
      `statement 0: "resources" must have at most ${MAX_STATEMENT_ITEMS} items`,
    ],
    [
      "entries in the whole policy",
      many(Math.ceil(MAX_POLICY_ENTRIES / 200) + 1, () =>
        statement({ actions: many(100, () => "*"), resources: many(100, (i) => `proj/p${i}`) }),
      ),
      `a policy has at most ${MAX_POLICY_ENTRIES} actions and resources in all its statements together`,
    ],
    [
      "the length of an action",
      [statement({ actions: [`update${"x".repeat(MAX_ACTION_LENGTH)}`], resources: ["proj/*"] })],
      `statement 0: "actions" has an action longer than ${MAX_ACTION_LENGTH} characters`,
    ],
    [
      "the * in an action",
      [statement({ actions: ["*".repeat(MAX_GLOB_WILDCARDS + 1)], resources: ["proj/*"] })],
      `statement 0: "actions" has an action with more than ${MAX_GLOB_WILDCARDS} "*"`,
    ],
    [
      "the length of a specifier",
      [statement({ actions: ["*"], notResources: [`proj/${"x".repeat(MAX_SPECIFIER_LENGTH)}`] })],
      `statement 0: "notResources" has a resource specifier longer than ${MAX_SPECIFIER_LENGTH} characters`,
    ],
    [
      "the * in a specifier",
      [
        statement({
          actions: ["*"],
          resources: [`proj/${"*a".repeat(8)}:env/${"*a".repeat(MAX_GLOB_WILDCARDS - 7)}`],
        }),
      ],
      `statement 0: "resources" has a resource specifier with more than ${MAX_GLOB_WILDCARDS} "*"`,
    ],
  ])("bound %s, with one message and before any entry is matched", (_limit, policy, message) => {
    // One issue only: the schema's own checks, which match action globs against the vocabulary, never ran.
    expect(messages(policy)).toEqual([message]);
  });

  it("accepts what is exactly at the limits", () => {
    const atLimit = [
      statement({
        actions: ["*".repeat(MAX_GLOB_WILDCARDS), `update${"*".repeat(MAX_GLOB_WILDCARDS - 1)}Name`],
        resources: [
          `proj/${"x".repeat(MAX_SPECIFIER_LENGTH - 5)}`,
          `proj/${"*a".repeat(MAX_GLOB_WILDCARDS)}`,
        ],
      }),
    ];
    expect(messages(atLimit)).toEqual([]);
  });
});
