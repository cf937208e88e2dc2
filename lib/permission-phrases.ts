/**
 * Permission messages people can read: "Your role, Reader, cannot delete segments in production". Each action the
 * dashboard greys out has a phrase in the words of docs/policies.md; the policy engine's exact reason stays available
 * next to it (the notice's details), since that is what an admin needs to fix the role.
 */

/** What each action lets someone do, as the end of "cannot …". */
export const ACTION_PHRASES: Readonly<Record<string, string>> = {
  createSegment: "create segments",
  deleteSegment: "delete segments",
  updateName: "rename segments",
  updateDescription: "edit segment descriptions",
  updateTags: "change segment tags",
  updateIncluded: "change segment members",
  updateExcluded: "change excluded members",
  updateRules: "change segment rules",
  updateExpiringTargets: "change expiring targets",
  updateScheduledChanges: "schedule segment changes",
  createAccessToken: "create access tokens",
  updateAccessTokenName: "rename access tokens",
  updateAccessTokenDescription: "edit access token descriptions",
  updateAccessTokenPolicy: "change what access tokens may do",
  deleteAccessToken: "delete access tokens",
  resetAccessToken: "reset access tokens",
  createRole: "create custom roles",
  updateRole: "edit custom roles",
  deleteRole: "delete custom roles",
  createMember: "add members",
  updateMemberRole: "change members' roles",
  deleteMember: "remove members",
  createProject: "create projects",
  updateProject: "edit projects",
  deleteProject: "delete projects",
  createEnvironment: "create environments",
  updateEnvironment: "edit environments",
  deleteEnvironment: "delete environments",
  createIntegration: "add persistent stores",
  updateIntegration: "change or test persistent stores",
  deleteIntegration: "delete persistent stores",
  viewProject: "view projects",
  viewEnvironment: "view environments",
  viewSegment: "view segments",
  viewAccessToken: "view access tokens",
  viewRole: "view custom roles",
  viewMember: "view members",
  viewAuditLog: "view the audit log",
  viewIntegration: "view persistent stores",
};

const BUILT_IN_ROLE_NAMES: Readonly<Record<string, string>> = {
  reader: "Reader",
  writer: "Writer",
  admin: "Admin",
  owner: "Owner",
  no_access: "No access",
};

/** A role as people call it: built-in roles by their title, custom roles by their key. */
export function roleTitle(role: string): string {
  return BUILT_IN_ROLE_NAMES[role] ?? role;
}

/** The phrase of an action; an action without one (a new one) is named as the engine names it. */
export function actionPhrase(action: string): string {
  return ACTION_PHRASES[action] ?? `do ${action}`;
}

/** "a", "a or b", "a, b or c". */
function either(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] ?? ""}`;
}

/** "Your role, Reader," / "Your roles, Writer and sync," / "None of your roles" when there are none. */
function subject(roles: readonly string[]): string {
  const titles = [...new Set(roles.map(roleTitle))];
  if (titles.length === 0) return "You have no role, so you";
  if (titles.length === 1) return `Your role, ${titles[0] ?? ""},`;
  return `Your roles, ${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1] ?? ""},`;
}

/** The name part of one part type (`env`) of a resource such as `proj/web;tag:env/production:segment/beta`. */
function partName(resource: string, type: string): string | null {
  for (const part of resource.split(":")) {
    const [head = ""] = part.split(";");
    const slash = head.indexOf("/");
    if (slash > 0 && head.slice(0, slash) === type) return head.slice(slash + 1);
  }
  return null;
}

/**
 * Where a denied action applies, in words: "production" (an environment or what is in it), "project web" (a project),
 * "" for account-wide resources, with the display names the page knows instead of keys.
 */
export function resourcePlace(resource: string, names: PlaceNames = {}): string {
  const environment = partName(resource, "env");
  if (environment !== null && environment !== "*") return names.environments?.[environment] ?? environment;
  const project = partName(resource, "proj");
  if (project !== null && project !== "*") return `project ${names.project ?? project}`;
  return "";
}

/** Display names the page knows: the project's, and its environments' by key. */
export type PlaceNames = { project?: string; environments?: Readonly<Record<string, string>> };

export type DeniedAction = { action: string; resource: string; reason: string };

/**
 * One sentence for every control a table or page greys out: the caller's roles, what they cannot do (each phrase once,
 * in order) and where ("delete environments in production or test, and cannot delete projects in project web").
 */
export function permissionSentence(
  roles: readonly string[],
  denied: readonly DeniedAction[],
  names: PlaceNames = {},
): string {
  const byPlace = new Map<string, string[]>();
  for (const { action, resource } of denied) {
    const place = resourcePlace(resource, names);
    const phrases = byPlace.get(place) ?? [];
    const phrase = actionPhrase(action);
    if (!phrases.includes(phrase)) phrases.push(phrase);
    byPlace.set(place, phrases);
  }
  // Places denied the same things share a clause: "delete environments in production or test".
  const byPhrases = new Map<string, { phrases: string[]; places: string[] }>();
  for (const [place, phrases] of byPlace) {
    const key = phrases.join("\n");
    const group = byPhrases.get(key) ?? { phrases, places: [] };
    if (place !== "") group.places.push(place);
    byPhrases.set(key, group);
  }
  const clauses = [...byPhrases.values()].map(
    ({ phrases, places }) => `${either(phrases)}${places.length > 0 ? ` in ${either(places)}` : ""}`,
  );
  return `${subject(roles)} cannot ${clauses.join(", and cannot ")}.`;
}
