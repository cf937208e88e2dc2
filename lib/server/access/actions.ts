/**
 * Every action Tributary checks. Policies match these by name or `*` glob; the API wrapper checks exactly one per request.
 * A policy may also name the rest of LaunchDarkly's vocabulary (`launchdarkly-vocabulary.ts`), which no request checks.
 */
import { LAUNCHDARKLY_ACTIONS } from "@/lib/server/access/launchdarkly-vocabulary";

export const SEGMENT_ACTIONS = [
  "createSegment",
  "deleteSegment",
  "updateName",
  "updateDescription",
  "updateTags",
  "updateIncluded",
  "updateExcluded",
  "updateRules",
  "updateExpiringTargets",
  "updateScheduledChanges",
] as const;

export const TOKEN_ACTIONS = [
  "createAccessToken",
  "updateAccessTokenName",
  "updateAccessTokenDescription",
  "updateAccessTokenPolicy",
  "deleteAccessToken",
  "resetAccessToken",
] as const;

export const ROLE_ACTIONS = ["createRole", "updateRole", "deleteRole"] as const;

export const MEMBER_ACTIONS = ["createMember", "updateMemberRole", "deleteMember"] as const;

export const PROJECT_ACTIONS = [
  "createProject",
  "updateProject",
  "deleteProject",
  "createEnvironment",
  "updateEnvironment",
  "deleteEnvironment",
] as const;

export const INTEGRATION_ACTIONS = ["createIntegration", "updateIntegration", "deleteIntegration"] as const;

export const VIEW_ACTIONS = [
  "viewProject",
  "viewEnvironment",
  "viewSegment",
  "viewAccessToken",
  "viewRole",
  "viewMember",
  "viewAuditLog",
  "viewIntegration",
] as const;

export const ALL_ACTIONS = [
  ...SEGMENT_ACTIONS,
  ...TOKEN_ACTIONS,
  ...ROLE_ACTIONS,
  ...MEMBER_ACTIONS,
  ...PROJECT_ACTIONS,
  ...INTEGRATION_ACTIONS,
  ...VIEW_ACTIONS,
] as const;

export type Action = (typeof ALL_ACTIONS)[number];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(ALL_ACTIONS);

export function isAction(name: string): name is Action {
  return KNOWN_ACTIONS.has(name);
}

/** Every action a policy may name: Tributary's and LaunchDarkly's, each once, sorted (for validation and pickers). */
export const POLICY_ACTIONS: readonly string[] = [
  ...new Set<string>([...ALL_ACTIONS, ...LAUNCHDARKLY_ACTIONS]),
].sort();

const POLICY_ACTION_SET: ReadonlySet<string> = new Set(POLICY_ACTIONS);

/** Whether a policy may name this action: one Tributary checks, or one of LaunchDarkly's that grants nothing here. */
export function isPolicyAction(name: string): boolean {
  return POLICY_ACTION_SET.has(name);
}
