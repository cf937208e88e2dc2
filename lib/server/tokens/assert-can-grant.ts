import type { Policy, PolicyStatement } from "@/lib/schemas/policy";
import { ApiError } from "@/lib/server/api/errors";
import { ALL_ACTIONS } from "@/lib/server/access/actions";
import { checkAccess } from "@/lib/server/access/check-access";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { compileGlob, parseResourceSpecifier, specifierGovernsTributary } from "@/lib/server/access/resource";
import { BUILT_IN_ROLES, isBuiltInRole } from "@/lib/server/access/roles";
import { BUILT_IN_LEVELS, principalBuiltInLevel } from "@/lib/server/tokens/principal-built-in-level";

/** The access a token, member or role change would hand out. */
export type Grant = {
  /** A built-in role name, or null. */
  role: string | null;
  customRoles: readonly NamedPolicy[];
  inlineRole: Policy | null;
};

function policiesOf(principal: Principal): readonly NamedPolicy[] {
  return [...principal.roles, ...(principal.boundedBy ?? [])];
}

function coversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => compileGlob(pattern)(action));
  if (statement.notActions) return !statement.notActions.some((pattern) => compileGlob(pattern)(action));
  return false;
}

/**
 * Specifiers through which a statement takes access away from resources that a literal check cannot see: a deny's
 * `resources`, and an allow's `notResources`. (A deny's `notResources` and an allow's `resources` are monotone: if they
 * decide for the specifier read literally, they decide the same for everything it covers.)
 */
function negativeSpecifiers(statement: PolicyStatement): readonly string[] {
  return statement.effect === "deny" ? (statement.resources ?? []) : (statement.notResources ?? []);
}

/** Whether some resource could match both specifiers. Conservative: a glob on either side, or any tag, may overlap. */
function mayOverlap(left: string, right: string): boolean {
  const a = parseResourceSpecifier(left);
  const b = parseResourceSpecifier(right);
  if (!a.ok || !b.ok) return true;
  if (a.value.parts.length !== b.value.parts.length) return false;
  return a.value.parts.every((part, index) => {
    const other = b.value.parts[index];
    if (other === undefined || other.type !== part.type) return false;
    if (part.name === null || other.name === null) return part.name === other.name;
    return part.name.includes("*") || other.name.includes("*") || part.name === other.name;
  });
}

function missingAccess(principal: Principal, action: string, specifier: string): string | null {
  const decision = checkAccess(principal, action, specifier);
  if (!decision.allowed) return decision.reason;
  for (const { name, policy } of policiesOf(principal)) {
    for (const [index, statement] of policy.entries()) {
      if (!coversAction(statement, action)) continue;
      if (negativeSpecifiers(statement).some((negative) => mayOverlap(negative, specifier))) {
        return `role "${name}" statement ${index} may deny it for part of ${specifier}`;
      }
    }
  }
  return null;
}

/** A specifier of LaunchDarkly's vocabulary that Tributary lacks (`proj/*:metric/*`) matches no resource here. */
function governsTributary(specifier: string): boolean {
  const parsed = parseResourceSpecifier(specifier);
  return !parsed.ok || specifierGovernsTributary(parsed.value);
}

function ungrantableStatement(principal: Principal, statement: PolicyStatement): string | null {
  if (statement.effect === "deny") return null;
  // Only the specifiers that match something here grant anything; a statement with none of them grants nothing.
  const resources = statement.resources?.filter(governsTributary);
  if (resources !== undefined && resources.length === 0) return null;
  if (statement.actions === undefined || resources === undefined) {
    return "it uses notActions or notResources, which only an admin may grant";
  }
  const patterns = statement.actions.map(compileGlob);
  const actions = ALL_ACTIONS.filter((action) => patterns.some((matches) => matches(action)));
  for (const resource of resources) {
    for (const action of actions) {
      const missing = missingAccess(principal, action, resource);
      if (missing !== null) return `it allows ${action} on ${resource}, which you may not (${missing})`;
    }
  }
  return null;
}

function ungrantablePolicy(
  principal: Principal,
  label: string,
  policy: readonly PolicyStatement[],
): string | null {
  for (const [index, statement] of policy.entries()) {
    const problem = ungrantableStatement(principal, statement);
    if (problem !== null) return `${label} statement ${index}: ${problem}`;
  }
  return null;
}

function firstProblem(principal: Principal, grant: Grant): string | null {
  if (grant.role !== null && isBuiltInRole(grant.role)) {
    const enough = principalBuiltInLevel(principal) >= BUILT_IN_LEVELS[grant.role];
    const problem = enough
      ? null
      : ungrantablePolicy(principal, `role "${grant.role}"`, BUILT_IN_ROLES[grant.role]);
    if (problem !== null) return problem;
  }
  for (const role of grant.customRoles) {
    const problem = ungrantablePolicy(principal, `custom role "${role.name}"`, role.policy);
    if (problem !== null) return problem;
  }
  return grant.inlineRole === null ? null : ungrantablePolicy(principal, "inline policy", grant.inlineRole);
}

/**
 * No one hands out more access than they hold (tokens they mint, roles they give members, policies they write into a role).
 *
 * - An admin or the owner (for a personal token: one whose member is too) may grant anything: their access is every action on
 *   every resource, with no deny.
 * - A built-in role is grantable by anyone whose own built-in role is at least as high (no_access < reader < writer < admin
 *   < owner), since the roles nest; otherwise its statements are checked like any other policy.
 * - Deny statements only take access away and are always grantable. An allow's specifiers that name only LaunchDarkly's
 *   resources Tributary lacks (`proj/*:metric/*`, as partners' setup guides ask) match nothing here and need nothing; a
 *   statement with no other specifier is grantable whatever its actions. Allow statements with `notActions` or
 *   `notResources` are otherwise admin-only.
 * - Every other allow statement: each action its globs match (expanded against every known action), on each of its
 *   resource specifiers, must be allowed to the granter with the specifier read as a concrete resource (a `*` in a name
 *   is then a literal character that only the granter's globs cover, and the specifier's tags are the resource's tags).
 *   That reading is exact for the granter's allows; the granter's denies (and allows by `notResources`) could still take
 *   away part of what the specifier covers, so any of them for that action whose specifier may overlap (same shape,
 *   names equal or either a glob) refuses the grant.
 *
 * Refusals are 403 and name the first statement, action and resource that is not covered.
 */
export function assertCanGrant(principal: Principal, grant: Grant): void {
  if (principalBuiltInLevel(principal) >= BUILT_IN_LEVELS.admin) return;
  const problem = firstProblem(principal, grant);
  if (problem !== null)
    throw new ApiError("forbidden", `You cannot grant access you do not have: ${problem}`);
}
