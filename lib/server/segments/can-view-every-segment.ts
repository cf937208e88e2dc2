import type { PolicyStatement } from "@/lib/schemas/policy";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import {
  compileGlob,
  parseResourceSpecifier,
  type ResourceSpecifier,
  type SpecifierPart,
} from "@/lib/server/access/resource";

type Tagged = { key: string; tags: readonly string[] };

const VIEW = "viewSegment";

/** Mirrors the engine: exactly one list of each pair, non-empty, every specifier parsing; otherwise null. */
function validLists(statement: PolicyStatement) {
  const { actions, notActions, resources, notResources } = statement;
  const actionList =
    actions !== undefined && notActions === undefined && actions.length > 0
      ? { items: actions, negate: false }
      : notActions !== undefined && actions === undefined && notActions.length > 0
        ? { items: notActions, negate: true }
        : null;
  const resourceList =
    resources !== undefined && notResources === undefined && resources.length > 0
      ? { items: resources, negate: false }
      : notResources !== undefined && resources === undefined && notResources.length > 0
        ? { items: notResources, negate: true }
        : null;
  if (actionList === null || resourceList === null) return null;
  const specifiers: ResourceSpecifier[] = [];
  for (const text of resourceList.items) {
    const parsed = parseResourceSpecifier(text);
    if (!parsed.ok) return null;
    specifiers.push(parsed.value);
  }
  return { actionList, resourcesNegated: resourceList.negate, specifiers };
}

function covers(part: SpecifierPart, type: string, item: Tagged): boolean {
  return part.type === type && part.matchName(item.key) && part.tags.every((tag) => item.tags.includes(tag));
}

/** The specifier names segments of this environment: `[proj, env, segment]` with the first two matching. */
function segmentPartInEnvironment(
  specifier: ResourceSpecifier,
  project: Tagged,
  environment: Tagged,
): SpecifierPart | null {
  const [projectPart, environmentPart, segmentPart, ...rest] = specifier.parts;
  if (projectPart === undefined || environmentPart === undefined || segmentPart === undefined) return null;
  if (rest.length > 0 || segmentPart.type !== "segment") return null;
  return covers(projectPart, "proj", project) && covers(environmentPart, "env", environment)
    ? segmentPart
    : null;
}

/** Whether one role, on its own, allows viewSegment on every segment of the environment whatever its key and tags. */
function roleViewsEverySegment(
  policy: readonly PolicyStatement[],
  project: Tagged,
  environment: Tagged,
): boolean {
  let allowsAll = false;
  for (const statement of policy) {
    const lists = validLists(statement);
    if (lists === null) {
      // The engine reads a malformed deny as matching everything and a malformed allow as matching nothing.
      if (statement.effect === "deny") return false;
      continue;
    }
    const namesView = lists.actionList.items.some((pattern) => compileGlob(pattern)(VIEW));
    if (namesView === lists.actionList.negate) continue;
    if (statement.effect === "deny") {
      if (lists.resourcesNegated) return false;
      if (lists.specifiers.some((specifier) => segmentPartInEnvironment(specifier, project, environment)))
        return false;
    } else if (!lists.resourcesNegated) {
      allowsAll ||= lists.specifiers.some((specifier) => {
        const segmentPart = segmentPartInEnvironment(specifier, project, environment);
        return segmentPart !== null && segmentPart.name === "*" && segmentPart.tags.length === 0;
      });
    }
  }
  return allowsAll;
}

function someRoleViewsEverySegment(
  roles: readonly NamedPolicy[],
  project: Tagged,
  environment: Tagged,
): boolean {
  return roles.some((role) => roleViewsEverySegment(role.policy, project, environment));
}

/**
 * A conservative shortcut for listing: true only when `checkAccess(principal, "viewSegment", ...)` is certain to allow
 * every segment of the environment, so the list can page in the database. False means "check each segment".
 */
export function canViewEverySegment(principal: Principal, project: Tagged, environment: Tagged): boolean {
  if (!someRoleViewsEverySegment(principal.roles, project, environment)) return false;
  return principal.boundedBy === null || someRoleViewsEverySegment(principal.boundedBy, project, environment);
}
