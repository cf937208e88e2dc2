import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { policySchema, type PolicyStatement } from "@/lib/schemas/policy";
import { ALL_ACTIONS, type Action } from "@/lib/server/access/actions";
import { evaluateAccess, evaluatePolicy } from "@/lib/server/access/policy";
import { RESOURCE_SHAPES } from "@/lib/server/access/resource";
import { deny } from "@/tests/support/policy-statements";

const NAMES = ["web", "Web", "production", "amplitude-1", "amplitude-2", "beta-users", "a.b"];
const TAGS = ["mobile", "beta", "prod"];
const ACTION_PATTERNS = [
  ...ALL_ACTIONS,
  "*",
  "update*",
  "view*",
  "create*",
  "delete*",
  "*Segment",
  "*Token*",
];

const shapeArb = fc.constantFrom(...RESOURCE_SHAPES);
const actionArb: fc.Arbitrary<Action> = fc.constantFrom(...ALL_ACTIONS);

type ConcretePart = { type: string; name: string | null; tags: string[] };

const concreteArb: fc.Arbitrary<ConcretePart[]> = shapeArb.chain((shape) =>
  fc.tuple(
    ...shape.map((type) =>
      type === "acct"
        ? fc.constant<ConcretePart>({ type, name: null, tags: [] })
        : fc.record({ type: fc.constant(type), name: fc.constantFrom(...NAMES), tags: fc.subarray(TAGS) }),
    ),
  ),
);

function render(parts: readonly ConcretePart[]): string {
  return parts
    .map(
      ({ type, name, tags }) =>
        `${type}${name === null ? "" : `/${name}`}${tags.length > 0 ? `;${tags.join(",")}` : ""}`,
    )
    .join(":");
}

/** A specifier that matches the given resource: each name kept, widened to `*`, or cut to a prefix glob; a subset of tags. */
function matchingSpecifierArb(parts: readonly ConcretePart[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      ...parts.map((part) => {
        const { name } = part;
        const names =
          name === null
            ? fc.constant(null)
            : fc.oneof(
                fc.constant(name),
                fc.constant("*"),
                fc.nat(name.length).map((n) => `${name.slice(0, n)}*`),
              );
        return fc.record({ type: fc.constant(part.type), name: names, tags: fc.subarray(part.tags) });
      }),
    )
    .map(render);
}

function matchingActionsArb(action: Action): fc.Arbitrary<string[]> {
  return fc.oneof(
    fc.constant<string[]>([action]),
    fc.constant<string[]>(["*"]),
    fc.nat(action.length).map((n): string[] => [`${action.slice(0, n)}*`]),
    fc.subarray<string>([...ALL_ACTIONS], { minLength: 1 }).map((others) => [...others, action]),
  );
}

const specifierArb: fc.Arbitrary<string> = concreteArb.chain(matchingSpecifierArb);

const statementArb: fc.Arbitrary<PolicyStatement> = fc
  .record({
    effect: fc.constantFrom<"allow" | "deny">("allow", "allow", "deny"),
    actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
    negateActions: fc.boolean(),
    resources: fc.array(specifierArb, { minLength: 1, maxLength: 3 }),
    negateResources: fc.boolean(),
  })
  .map(({ effect, actions, negateActions, resources, negateResources }) => ({
    effect,
    ...(negateActions ? { notActions: actions } : { actions }),
    ...(negateResources ? { notResources: resources } : { resources }),
  }));

const policyArb = fc.array(statementArb, { maxLength: 6 });
const rolesArb = fc.array(fc.record({ name: fc.constantFrom("a", "b", "c"), policy: policyArb }), {
  maxLength: 4,
});

function insertAt<T>(list: readonly T[], position: number, item: T): T[] {
  const at = position % (list.length + 1);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

describe("properties", () => {
  it("generated policies are valid", () => {
    fc.assert(fc.property(policyArb, (policy) => policySchema.safeParse(policy).success));
  });

  it("a matching deny statement always denies, wherever it is added", () => {
    const scenario = fc.tuple(actionArb, concreteArb).chain(([action, parts]) =>
      fc.record({
        action: fc.constant(action),
        resource: fc.constant(render(parts)),
        denyActions: matchingActionsArb(action),
        denyResources: fc.array(matchingSpecifierArb(parts), { minLength: 1, maxLength: 2 }),
        policy: policyArb,
        position: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ action, resource, denyActions, denyResources, policy, position }) => {
        const denying = deny(denyActions, denyResources);
        expect(policySchema.safeParse([denying]).success).toBe(true);
        const withDeny = insertAt(policy, position, denying);
        expect(evaluatePolicy(withDeny, action, resource).effect).toBe("deny");
        expect(evaluateAccess([{ name: "r", policy: withDeny }], action, resource).allowed).toBe(false);
      }),
    );
  });

  it("a deny by notResources of another shape denies too", () => {
    fc.assert(
      fc.property(
        actionArb,
        concreteArb,
        specifierArb,
        policyArb,
        fc.nat(),
        (action, parts, other, policy, position) => {
          fc.pre(other.split(":").length !== parts.length);
          const denying: PolicyStatement = { effect: "deny", actions: ["*"], notResources: [other] };
          const withDeny = insertAt(policy, position, denying);
          expect(evaluatePolicy(withDeny, action, render(parts)).effect).toBe("deny");
        },
      ),
    );
  });

  it("adding a role never removes access", () => {
    fc.assert(
      fc.property(
        rolesArb,
        policyArb,
        fc.nat(),
        actionArb,
        concreteArb,
        (roles, extra, position, action, parts) => {
          const resource = render(parts);
          const before = evaluateAccess(roles, action, resource).allowed;
          const after = evaluateAccess(
            insertAt(roles, position, { name: "extra", policy: extra }),
            action,
            resource,
          ).allowed;
          expect(!before || after).toBe(true);
        },
      ),
    );
  });

  it("the order of statements does not change the effect", () => {
    fc.assert(
      fc.property(policyArb, actionArb, concreteArb, (policy, action, parts) => {
        const resource = render(parts);
        const reversed = [...policy].reverse();
        expect(evaluatePolicy(reversed, action, resource).effect).toBe(
          evaluatePolicy(policy, action, resource).effect,
        );
      }),
    );
  });

  it("access is granted exactly when some role's policy allows", () => {
    fc.assert(
      fc.property(rolesArb, actionArb, concreteArb, (roles, action, parts) => {
        const resource = render(parts);
        const anyAllows = roles.some(
          ({ policy }) => evaluatePolicy(policy, action, resource).effect === "allow",
        );
        expect(evaluateAccess(roles, action, resource).allowed).toBe(anyAllows);
      }),
    );
  });
});
