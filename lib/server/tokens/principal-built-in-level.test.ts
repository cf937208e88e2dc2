import { describe, expect, it } from "vitest";
import { builtInRolePolicy, customRolePolicies } from "@/lib/server/access/member-policies";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { BUILT_IN_ROLES } from "@/lib/server/access/roles";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { BUILT_IN_LEVELS, principalBuiltInLevel } from "@/lib/server/tokens/principal-built-in-level";

function tokenPrincipal(roles: NamedPolicy[], boundedBy: NamedPolicy[] | null = null): Principal {
  return {
    kind: "token",
    member: { id: "m1", email: "m1@example.test", role: "admin" },
    token: { id: "t1", name: "t", ending: "abcd", serviceToken: boundedBy === null },
    roles,
    boundedBy,
  };
}

const NEGATED_GRANT = {
  role: null,
  customRoles: [],
  inlineRole: [{ effect: "allow" as const, actions: ["*"], notResources: ["acct"] }],
};

describe("principalBuiltInLevel", () => {
  it("counts a built-in role held as a structural copy (a principal built by another copy of the module)", () => {
    const copied = structuredClone(tokenPrincipal(builtInRolePolicy("admin"), builtInRolePolicy("owner")));
    expect(copied.roles[0]?.policy).not.toBe(BUILT_IN_ROLES.admin);
    expect(principalBuiltInLevel(copied)).toBe(BUILT_IN_LEVELS.admin);
    // An admin may grant notResources: the hot-route server's cached principal must still be an admin.
    expect(() => assertCanGrant(copied, NEGATED_GRANT)).not.toThrow();
  });

  it("counts nothing for a custom role keyed like a built-in one, even with the built-in policy", () => {
    const impostors = customRolePolicies([
      { key: "admin", policy: structuredClone(BUILT_IN_ROLES.admin) },
      { key: "owner", policy: [{ effect: "allow", actions: ["*"], resources: ["proj/*"] }] },
    ]);
    expect(impostors.map((role) => role.name)).toEqual(["admin", "owner"]);
    expect(principalBuiltInLevel(tokenPrincipal(impostors))).toBe(BUILT_IN_LEVELS.no_access);
    expect(() => assertCanGrant(tokenPrincipal(impostors), NEGATED_GRANT)).toThrow(/only an admin may grant/);
  });

  it("caps a personal token by its member's built-in role", () => {
    const principal = tokenPrincipal(builtInRolePolicy("admin"), builtInRolePolicy("reader"));
    expect(principalBuiltInLevel(principal)).toBe(BUILT_IN_LEVELS.reader);
  });
});
