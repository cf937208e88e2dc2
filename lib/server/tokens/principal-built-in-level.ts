import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { isBuiltInRole, type BuiltInRole } from "@/lib/server/access/roles";

/** Built-in roles nest: each one's access contains the access of every role before it (admin and owner are equal). */
export const BUILT_IN_LEVELS: Readonly<Record<BuiltInRole, number>> = Object.freeze({
  no_access: 0,
  reader: 1,
  writer: 2,
  admin: 3,
  owner: 4,
});

/**
 * Only policies marked built-in by the code that builds principals count, so a custom role that borrows a built-in name
 * counts for nothing. Not by identity with BUILT_IN_ROLES: a principal cached by another copy of this module (the
 * hot-route server's) carries that copy's objects.
 */
function highestLevel(policies: readonly NamedPolicy[]): number {
  let level = BUILT_IN_LEVELS.no_access;
  for (const { name, kind } of policies) {
    if (kind === "built-in" && isBuiltInRole(name)) level = Math.max(level, BUILT_IN_LEVELS[name]);
  }
  return level;
}

/**
 * The highest built-in role whose access the principal certainly has: its own built-in role, capped by its member's for a
 * personal token. Custom roles and inline policies are not counted here (they are checked statement by statement).
 */
export function principalBuiltInLevel(principal: Principal): number {
  const own = highestLevel(principal.roles);
  return principal.boundedBy ? Math.min(own, highestLevel(principal.boundedBy)) : own;
}
