import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Policy, PolicyStatement } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import { evaluatePolicy } from "@/lib/server/access/policy";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { BUILT_IN_ROLES, type BuiltInRole } from "@/lib/server/access/roles";
import { assertCanGrant, type Grant } from "@/lib/server/tokens/assert-can-grant";

function principal(roles: NamedPolicy[], boundedBy: NamedPolicy[] | null = null): Principal {
  return {
    kind: "token",
    member: { id: "m1", email: "m1@example.test", role: "writer" },
    token: { id: "t1", name: "t", ending: "abcd", serviceToken: boundedBy === null },
    roles,
    boundedBy,
  };
}

const builtIn = (role: BuiltInRole): NamedPolicy => ({
  name: role,
  policy: BUILT_IN_ROLES[role],
  kind: "built-in",
});

const grant = (fields: Partial<Grant>): Grant => ({
  role: null,
  customRoles: [],
  inlineRole: null,
  ...fields,
});

function canGrant(who: Principal, what: Grant): boolean {
  try {
    assertCanGrant(who, what);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") return false;
    throw error;
  }
}

describe("assertCanGrant", () => {
  it("follows the built-in role order", () => {
    const writer = principal([builtIn("writer")]);
    expect(canGrant(writer, grant({ role: "reader" }))).toBe(true);
    expect(canGrant(writer, grant({ role: "writer" }))).toBe(true);
    expect(canGrant(writer, grant({ role: "admin" }))).toBe(false);
    expect(canGrant(principal([builtIn("reader")]), grant({ role: "writer" }))).toBe(false);
    expect(canGrant(principal([builtIn("admin")]), grant({ role: "admin" }))).toBe(true);
    expect(canGrant(principal([builtIn("no_access")]), grant({ role: "no_access" }))).toBe(true);
  });

  it("caps a personal token by its member, and ignores a custom role that borrows a built-in name", () => {
    expect(canGrant(principal([builtIn("admin")], [builtIn("writer")]), grant({ role: "admin" }))).toBe(
      false,
    );
    const impostor: NamedPolicy = {
      name: "admin",
      policy: [{ effect: "allow", actions: ["viewProject"], resources: ["proj/*"] }],
    };
    expect(canGrant(principal([impostor]), grant({ role: "admin" }))).toBe(false);
  });

  it("names the statement, action and resource it refuses", () => {
    expect(() =>
      assertCanGrant(
        principal([builtIn("writer")]),
        grant({ inlineRole: [{ effect: "allow", actions: ["deleteMember"], resources: ["member/*"] }] }),
      ),
    ).toThrow(/inline policy statement 0: it allows deleteMember on member\/\*/);
  });

  it("grants deny statements freely and refuses notActions/notResources to non-admins", () => {
    const writer = principal([builtIn("writer")]);
    expect(
      canGrant(writer, grant({ inlineRole: [{ effect: "deny", actions: ["*"], resources: ["acct"] }] })),
    ).toBe(true);
    const negated: Policy = [{ effect: "allow", notActions: ["deleteSegment"], resources: ["proj/*"] }];
    expect(canGrant(writer, grant({ inlineRole: negated }))).toBe(false);
    expect(canGrant(principal([builtIn("admin")]), grant({ inlineRole: negated }))).toBe(true);
  });

  it("needs nothing for specifiers that name only LaunchDarkly's resources, and still checks the others", () => {
    const writer = principal([builtIn("writer")]);
    const census: Policy = [
      { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
      { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
    ];
    expect(canGrant(writer, grant({ inlineRole: census }))).toBe(true);
    expect(
      canGrant(
        writer,
        grant({ inlineRole: [{ effect: "allow", notActions: ["x"], resources: ["proj/*:metric/*"] }] }),
      ),
    ).toBe(true);
    // Beside a Tributary specifier, the LaunchDarkly-only one does not let the statement through.
    expect(
      canGrant(
        writer,
        grant({
          inlineRole: [{ effect: "allow", actions: ["*"], resources: ["proj/*:metric/*", "member/*"] }],
        }),
      ),
    ).toBe(false);
    expect(
      canGrant(
        writer,
        grant({ inlineRole: [{ effect: "allow", notResources: ["proj/*:metric/*"], actions: ["*"] }] }),
      ),
    ).toBe(false);
  });

  // Soundness: whatever it lets a principal grant, the principal itself may do, on every resource the grant covers.
  const ACTIONS = ["updateName", "updateTags", "deleteSegment"] as const;
  // "updateT*" matches only updateTags among all actions; the wider globs are for the granter's side.
  const requestedAction = fc.constantFrom("updateName", "updateTags", "deleteSegment", "updateT*");
  const heldAction = fc.constantFrom("updateName", "updateTags", "deleteSegment", "updateT*", "update*", "*");
  const tags = fc.constantFrom("", ";a", ";b", ";a,b");
  const name = fc.constantFrom("web", "api", "*", "w*");
  const specifier = fc.oneof(
    fc.tuple(name, tags).map(([n, t]) => `proj/${n}${t}`),
    fc.tuple(name, tags, name, tags).map(([n1, t1, n2, t2]) => `proj/${n1}${t1}:env/${n2}${t2}`),
  );
  const statement = (effects: ("allow" | "deny")[], actionPattern: fc.Arbitrary<string>) =>
    fc
      .record({
        effect: fc.constantFrom(...effects),
        actions: fc.array(actionPattern, { minLength: 1, maxLength: 2 }),
        resources: fc.array(specifier, { minLength: 1, maxLength: 2 }),
        negateResources: fc.boolean(),
      })
      .map(({ effect, actions, resources, negateResources }): PolicyStatement =>
        negateResources ? { effect, actions, notResources: resources } : { effect, actions, resources },
      );
  const randomPolicy = fc.array(statement(["allow", "allow", "deny"], heldAction), {
    minLength: 1,
    maxLength: 3,
  });
  const generous: PolicyStatement = {
    effect: "allow",
    actions: ["*"],
    resources: ["proj/*", "proj/*:env/*"],
  };
  // Half the policies start from broad access, so that many grants pass and the property has something to check.
  const policy = fc
    .tuple(fc.boolean(), randomPolicy)
    .map(([broad, statements]): Policy => (broad ? [generous, ...statements] : statements));

  const concreteNames = ["web", "api", "wx"];
  const concreteTags = ["", ";a", ";b", ";a,b"];
  const RESOURCES = concreteNames.flatMap((n) =>
    concreteTags.flatMap((t) => [
      `proj/${n}${t}`,
      ...concreteNames.flatMap((n2) => concreteTags.map((t2) => `proj/${n}${t}:env/${n2}${t2}`)),
    ]),
  );

  it("never lets a principal grant what it cannot do itself", () => {
    let granted = 0;
    fc.assert(
      fc.property(
        policy,
        fc.option(policy, { nil: null, freq: 2 }),
        statement(["allow"], requestedAction),
        (own, bound, requested) => {
          const who = principal(
            [{ name: "own", policy: own }],
            bound === null ? null : [{ name: "member", policy: bound }],
          );
          if (!canGrant(who, grant({ inlineRole: [requested] }))) return;
          granted += 1;
          for (const resource of RESOURCES) {
            for (const action of ACTIONS) {
              if (evaluatePolicy([requested], action, resource).effect !== "allow") continue;
              expect(checkAccess(who, action, resource).allowed, `${action} on ${resource}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    // Guards against a vacuous pass: a fair share of the random grants must be allowed and then checked.
    expect(granted).toBeGreaterThan(40);
  });
});
