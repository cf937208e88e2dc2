import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { BUILT_IN_ROLES } from "@/lib/server/access/roles";

/** The built-in roles that allow every view action on every resource (their shared, frozen policies). */
const VIEWING_POLICIES: ReadonlySet<unknown> = new Set([
  BUILT_IN_ROLES.reader,
  BUILT_IN_ROLES.writer,
  BUILT_IN_ROLES.admin,
  BUILT_IN_ROLES.owner,
]);

function includesViewer(roles: readonly NamedPolicy[]): boolean {
  return roles.some((role) => VIEWING_POLICIES.has(role.policy));
}

/**
 * True when a built-in role lets the principal view everything (any allowing role wins across roles), so nothing it
 * reads needs filtering one by one. False means "check each item", never "sees nothing".
 */
export function viewsEverything(principal: Principal): boolean {
  return (
    includesViewer(principal.roles) && (principal.boundedBy === null || includesViewer(principal.boundedBy))
  );
}
