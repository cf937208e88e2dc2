import type { Policy } from "@/lib/schemas/policy";
import type { TokenCreate } from "@/lib/schemas/token";

/** Where a sync tool pushes: one project and environment, or `*` for every one. */
export type SyncToolScope = { projectKey: string; environmentKey: string };

/** The two actions a partner push checks (lib/server/sync/resolve-cohort-segments.ts): create a segment, change its members. */
export const SYNC_TOOL_ACTIONS = ["createSegment", "updateIncluded"] as const;

const NAME_MAX_LENGTH = 256;

/** The least a sync tool needs in that scope: nothing outside its segments, nothing but creating them and adding members. */
export function syncToolPolicy({ projectKey, environmentKey }: SyncToolScope): Policy {
  return [
    {
      effect: "allow",
      actions: [...SYNC_TOOL_ACTIONS],
      resources: [`proj/${projectKey}:env/${environmentKey}:segment/*`],
    },
  ];
}

const SCOPED_RESOURCE = /^proj\/([^:/;]+):env\/([^:/;]+):segment\/\*$/;

/** The scope of a policy that is exactly a sync tool's, or null for any other policy. */
export function syncToolScopeOf(policy: Policy | undefined): SyncToolScope | null {
  if (policy === undefined || policy.length !== 1) return null;
  const [statement] = policy;
  if (
    statement === undefined ||
    statement.effect !== "allow" ||
    statement.notActions ||
    statement.notResources
  ) {
    return null;
  }
  const actions = [...(statement.actions ?? [])].sort();
  if (actions.join(",") !== [...SYNC_TOOL_ACTIONS].sort().join(",")) return null;
  const [resource, ...others] = statement.resources ?? [];
  const match = others.length === 0 && resource !== undefined ? SCOPED_RESOURCE.exec(resource) : null;
  const [, projectKey, environmentKey] = match ?? [];
  return projectKey !== undefined && environmentKey !== undefined ? { projectKey, environmentKey } : null;
}

/**
 * What the Sync tab's "Create a token for <tool>" sends to `POST /api/v2/tokens`: a service token (it outlives its creator's
 * membership) named for the tool, allowed to push to this environment only.
 */
export function syncToolTokenInput(toolName: string, scope: SyncToolScope): TokenCreate {
  const where = `${scope.projectKey} / ${scope.environmentKey}`;
  const name = `${toolName} sync (${where})`;
  return {
    name: name.length > NAME_MAX_LENGTH ? `${name.slice(0, NAME_MAX_LENGTH - 1)}…` : name,
    description: `Created from the Sync tab: pushes from ${toolName} to ${where} only`,
    inlineRole: syncToolPolicy(scope),
    serviceToken: true,
  };
}
