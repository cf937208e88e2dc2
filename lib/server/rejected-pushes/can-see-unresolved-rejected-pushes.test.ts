import { describe, expect, it } from "vitest";
import { builtInRolePolicy } from "@/lib/server/access/member-policies";
import { BUILT_IN_ROLES } from "@/lib/server/access/roles";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { canSeeUnresolvedRejectedPushes } from "@/lib/server/rejected-pushes/can-see-unresolved-rejected-pushes";

function principal(roles: NamedPolicy[], boundedBy: NamedPolicy[] | null = null): Principal {
  return {
    kind: "token",
    member: { id: "m", email: "m@example.com", role: "admin" },
    token: null,
    roles,
    boundedBy,
  };
}

describe("who sees refusals that named no environment", () => {
  it("the built-in owner and admin roles only", () => {
    expect(canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("owner")))).toBe(true);
    expect(canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("admin")))).toBe(true);
    expect(canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("writer")))).toBe(false);
    expect(canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("reader")))).toBe(false);
  });

  it("not a custom role named like a built-in one, nor a personal admin token whose member is now a reader", () => {
    expect(canSeeUnresolvedRejectedPushes(principal([{ name: "admin", policy: BUILT_IN_ROLES.admin }]))).toBe(
      false,
    );
    expect(
      canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("admin"), builtInRolePolicy("reader"))),
    ).toBe(false);
    expect(
      canSeeUnresolvedRejectedPushes(principal(builtInRolePolicy("admin"), builtInRolePolicy("owner"))),
    ).toBe(true);
  });
});
