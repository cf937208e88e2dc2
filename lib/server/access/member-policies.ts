import type { NamedPolicy } from "@/lib/server/access/principal";
import { BUILT_IN_ROLES, type BuiltInRole } from "@/lib/server/access/roles";
import { policySchema } from "@/lib/schemas/policy";

type CustomRoleRow = { key: string; policy: unknown };

function isBuiltInRole(role: string): role is BuiltInRole {
  return Object.hasOwn(BUILT_IN_ROLES, role);
}

export function builtInRolePolicy(role: string): NamedPolicy[] {
  return isBuiltInRole(role) ? [{ name: role, policy: BUILT_IN_ROLES[role], kind: "built-in" }] : [];
}

/** Stored custom-role policies were validated on write; one that no longer parses grants nothing rather than failing. */
export function customRolePolicies(roles: readonly CustomRoleRow[]): NamedPolicy[] {
  return roles.flatMap((role) => {
    const parsed = policySchema.safeParse(role.policy);
    return parsed.success ? [{ name: role.key, policy: parsed.data }] : [];
  });
}

/** A member's access: the built-in role plus every custom role. */
export function memberPolicies(role: string, customRoles: readonly CustomRoleRow[]): NamedPolicy[] {
  return [...builtInRolePolicy(role), ...customRolePolicies(customRoles)];
}
