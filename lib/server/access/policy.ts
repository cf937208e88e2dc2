/**
 * The policy engine, pure so that the API wrapper, the dashboard (greying out what is denied) and tests share it.
 *
 * Within one policy an explicit deny wins over any allow, and with nothing matching the answer is "none". Across a
 * principal's roles, any role that allows grants access; without one, access is denied.
 */
import type { PolicyStatement } from "@/lib/schemas/policy";
import { isAction, isPolicyAction } from "@/lib/server/access/actions";
import {
  compileGlob,
  matchResource,
  parseResource,
  parseResourceSpecifier,
  type Resource,
  type ResourceSpecifier,
} from "@/lib/server/access/resource";

export type PolicyEffect = "allow" | "deny" | "none";

export type PolicyEvaluation = { effect: PolicyEffect; statementIndex: number | null };

export type AccessMatch = { role: string; statementIndex: number; statement: PolicyStatement };

export type AccessEvaluation = { allowed: boolean; reason: string; matched: AccessMatch | null };

export type NamedPolicyInput = { readonly name: string; readonly policy: readonly PolicyStatement[] };

type CompiledStatement = (action: string, resource: Resource) => boolean;

/** Built-in roles are the same objects on every request, so their compiled form is kept; the parts are cached in `resource.ts`. */
const compiledStatements = new WeakMap<PolicyStatement, CompiledStatement>();

function pick(list: readonly string[] | undefined, notList: readonly string[] | undefined) {
  if (list !== undefined && notList === undefined && list.length > 0) return { items: list, negate: false };
  if (notList !== undefined && list === undefined && notList.length > 0)
    return { items: notList, negate: true };
  return null;
}

function compileStatement(statement: PolicyStatement): CompiledStatement {
  const actions = pick(statement.actions, statement.notActions);
  const resources = pick(statement.resources, statement.notResources);
  const specifiers: ResourceSpecifier[] = [];
  for (const text of resources?.items ?? []) {
    const parsed = parseResourceSpecifier(text);
    if (parsed.ok) specifiers.push(parsed.value);
  }
  if (actions === null || resources === null || specifiers.length !== resources.items.length) {
    // Policies are validated on write, so this is a statement that bypassed the schema: it may take access away, never give it.
    const matchesEverything = statement.effect === "deny";
    return () => matchesEverything;
  }

  const actionMatchers = actions.items.map(compileGlob);
  const actionsNegated = actions.negate;
  const resourcesNegated = resources.negate;
  return (action, resource) =>
    actionMatchers.some((matches) => matches(action)) !== actionsNegated &&
    specifiers.some((specifier) => matchResource(specifier, resource)) !== resourcesNegated;
}

function compiled(statement: PolicyStatement): CompiledStatement {
  let matcher = compiledStatements.get(statement);
  if (matcher === undefined) {
    matcher = compileStatement(statement);
    compiledStatements.set(statement, matcher);
  }
  return matcher;
}

type StatementMatch = { effect: "allow" | "deny"; statementIndex: number; statement: PolicyStatement };

function decide(
  policy: readonly PolicyStatement[],
  action: string,
  resource: Resource,
): StatementMatch | null {
  let allow: StatementMatch | null = null;
  for (const [statementIndex, statement] of policy.entries()) {
    if (!compiled(statement)(action, resource)) continue;
    if (statement.effect === "deny") return { effect: "deny", statementIndex, statement };
    allow ??= { effect: "allow", statementIndex, statement };
  }
  return allow;
}

function toResource(resource: string | Resource): Resource | string {
  if (typeof resource !== "string") return resource;
  const parsed = parseResource(resource);
  return parsed.ok ? parsed.value : parsed.error;
}

/** One policy on its own. A resource that does not parse matches no statement. */
export function evaluatePolicy(
  policy: readonly PolicyStatement[],
  action: string,
  resource: string | Resource,
): PolicyEvaluation {
  const concrete = toResource(resource);
  if (typeof concrete === "string") return { effect: "none", statementIndex: null };
  const match = decide(policy, action, concrete);
  return match === null
    ? { effect: "none", statementIndex: null }
    : { effect: match.effect, statementIndex: match.statementIndex };
}

/**
 * A principal's roles together. `matched` is the allowing statement, or when access is denied by an explicit deny, that
 * deny; it is null when nothing matched. Actions outside the known list are denied so that a misspelt action in a route
 * cannot slip through a `*` statement; so are the rest of LaunchDarkly's vocabulary, which a policy may name but which
 * governs nothing here.
 */
export function evaluateAccess(
  policies: readonly NamedPolicyInput[],
  action: string,
  resource: string | Resource,
): AccessEvaluation {
  const concrete = toResource(resource);
  const resourceText = typeof resource === "string" ? resource : resource.text;
  if (!isAction(action)) {
    const reason = isPolicyAction(action)
      ? `"${action}" is a LaunchDarkly action that governs nothing in Tributary, so no policy grants it here`
      : `"${action}" is not a known action`;
    return { allowed: false, reason, matched: null };
  }
  if (typeof concrete === "string") {
    return {
      allowed: false,
      reason: `"${resourceText}" is not a valid resource: ${concrete}`,
      matched: null,
    };
  }

  const subject = `${action} on ${resourceText}`;
  let denied: AccessMatch | null = null;
  for (const { name, policy } of policies) {
    const match = decide(policy, action, concrete);
    if (match === null) continue;
    const found = { role: name, statementIndex: match.statementIndex, statement: match.statement };
    if (match.effect === "allow") {
      return {
        allowed: true,
        reason: `role "${name}" allows ${subject} (statement ${match.statementIndex})`,
        matched: found,
      };
    }
    denied ??= found;
  }
  if (denied !== null) {
    return {
      allowed: false,
      reason: `role "${denied.role}" denies ${subject} (statement ${denied.statementIndex}) and no role allows it`,
      matched: denied,
    };
  }
  return { allowed: false, reason: `no statement allows ${subject}`, matched: null };
}
