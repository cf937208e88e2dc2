import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/schemas/policy";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { BUILT_IN_ROLES } from "@/lib/server/access/roles";
import { canViewEverySegment } from "./can-view-every-segment";

const project = { key: "web", tags: ["frontend"] };
const environment = { key: "production", tags: [] };
const segments = [
  { key: "a", tags: [] },
  { key: "amplitude-1", tags: ["beta"] },
  { key: "hightouch-2", tags: ["secret"] },
];

function principal(roles: Policy[], boundedBy: Policy[] | null = null): Principal {
  return {
    kind: "token",
    member: { id: "m1", email: "m@example.test", role: "writer" },
    token: { id: "t1", name: "t", ending: "abcd", serviceToken: boundedBy === null },
    roles: roles.map((policy, index) => ({ name: `role-${index}`, policy })),
    boundedBy: boundedBy?.map((policy, index) => ({ name: `member-${index}`, policy })) ?? null,
  };
}

const allowAll: Policy = [
  { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*"] },
];

describe("canViewEverySegment", () => {
  it.each<[string, Principal, boolean]>([
    ["reader", principal([BUILT_IN_ROLES.reader]), true],
    ["writer", principal([BUILT_IN_ROLES.writer]), true],
    ["no_access", principal([BUILT_IN_ROLES.no_access]), false],
    ["segment/* allow", principal([allowAll]), true],
    [
      "view* on this project only",
      principal([[{ effect: "allow", actions: ["view*"], resources: ["proj/web:env/*:segment/*"] }]]),
      true,
    ],
    [
      "another project",
      principal([[{ effect: "allow", actions: ["*"], resources: ["proj/api:env/*:segment/*"] }]]),
      false,
    ],
    [
      "a project tag the project has",
      principal([[{ effect: "allow", actions: ["*"], resources: ["proj/*;frontend:env/*:segment/*"] }]]),
      true,
    ],
    [
      "a project tag it lacks",
      principal([[{ effect: "allow", actions: ["*"], resources: ["proj/*;backend:env/*:segment/*"] }]]),
      false,
    ],
    [
      "a key glob",
      principal([
        [{ effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] }],
      ]),
      false,
    ],
    [
      "a segment tag",
      principal([
        [{ effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*;beta"] }],
      ]),
      false,
    ],
    [
      "another action",
      principal([[{ effect: "allow", actions: ["updateName"], resources: ["proj/*:env/*:segment/*"] }]]),
      false,
    ],
    [
      "notActions without view",
      principal([
        [{ effect: "allow", notActions: ["deleteSegment"], resources: ["proj/*:env/*:segment/*"] }],
      ]),
      true,
    ],
    [
      "notActions with view",
      principal([[{ effect: "allow", notActions: ["view*"], resources: ["proj/*:env/*:segment/*"] }]]),
      false,
    ],
    [
      "notResources allow",
      principal([[{ effect: "allow", actions: ["*"], notResources: ["proj/api"] }]]),
      false,
    ],
    [
      "a deny on some segments",
      principal([
        [
          ...allowAll,
          { effect: "deny", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*;secret"] },
        ],
      ]),
      false,
    ],
    [
      "a deny elsewhere",
      principal([
        [...allowAll, { effect: "deny", actions: ["viewSegment"], resources: ["proj/api:env/*:segment/*"] }],
      ]),
      true,
    ],
    [
      "a deny of another action",
      principal([
        [...allowAll, { effect: "deny", actions: ["deleteSegment"], resources: ["proj/*:env/*:segment/*"] }],
      ]),
      true,
    ],
    [
      "a notResources deny",
      principal([[...allowAll, { effect: "deny", actions: ["*"], notResources: ["proj/api"] }]]),
      false,
    ],
    [
      "a deny in one role, an allow in another",
      principal([
        [...allowAll, { effect: "deny", actions: ["*"], resources: ["proj/*:env/*:segment/a"] }],
        allowAll,
      ]),
      true,
    ],
    ["a token bounded by a member who views all", principal([allowAll], [BUILT_IN_ROLES.reader]), true],
    ["a token bounded by a member who does not", principal([allowAll], [BUILT_IN_ROLES.no_access]), false],
  ])("%s", (_case, who, expected) => {
    const result = canViewEverySegment(who, project, environment);
    expect(result).toBe(expected);
    if (result) {
      for (const segment of segments) {
        expect(checkAccess(who, "viewSegment", segmentResource(project, environment, segment)).allowed).toBe(
          true,
        );
      }
    }
  });
});
