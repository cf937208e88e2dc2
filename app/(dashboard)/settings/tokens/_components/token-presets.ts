import type { TokenCreate, TokenResponse } from "@/lib/schemas/token";
import { syncToolScopeOf, type SyncToolScope } from "@/lib/schemas/token-sync-tool";
import { summarizePolicy } from "../../_components/policy-editor";

export type TokenPresetId = "sync" | "reader" | "writer" | "admin" | "custom";

export const TOKEN_PRESETS: readonly {
  id: TokenPresetId;
  label: string;
  description: string;
  /** null: built from the form (the sync tool's project and environment, or the custom policy). */
  access: Pick<TokenCreate, "role" | "inlineRole"> | null;
}[] = [
  {
    id: "sync",
    label: "Sync tool",
    description:
      "createSegment + updateIncluded on the segments of one environment: what a partner integration needs, nothing more",
    access: null,
  },
  {
    id: "reader",
    label: "Read only",
    description: "The reader role: view everything, change nothing",
    access: { role: "reader" },
  },
  {
    id: "writer",
    label: "Writer",
    description: "The writer role: everything on projects, environments and segments",
    access: { role: "writer" },
  },
  {
    id: "admin",
    label: "Admin",
    description: "The admin role: writer plus tokens, roles and members",
    access: { role: "admin" },
  },
  {
    id: "custom",
    label: "Custom policy",
    description: "Your own statements, in LaunchDarkly's policy grammar",
    access: null,
  },
];

const ROLE_LABELS: Record<string, string> = {
  reader: "Read only",
  writer: "Writer",
  admin: "Admin",
  owner: "Owner",
  no_access: "No access",
};

/** Where a sync tool's token pushes, in words. */
export function describeSyncToolScope({ projectKey, environmentKey }: SyncToolScope): string {
  if (projectKey === "*" && environmentKey === "*") return "every environment of every project";
  if (environmentKey === "*") return `every environment of ${projectKey}`;
  if (projectKey === "*") return `${environmentKey} of every project`;
  return `${projectKey} / ${environmentKey}`;
}

/** What the token may do, in a word and in detail. */
export function describeTokenAccess(token: TokenResponse): { label: string; detail: string | null } {
  const parts: string[] = [];
  if (token.customRoleIds.length > 0) parts.push(`roles ${token.customRoleIds.join(", ")}`);
  if (token.inlineRole !== undefined && token.inlineRole.length > 0) {
    const scope = syncToolScopeOf(token.inlineRole);
    if (scope !== null && parts.length === 0 && token.role === undefined) {
      return { label: "Sync tool", detail: `Pushes to ${describeSyncToolScope(scope)}` };
    }
    parts.push(summarizePolicy(token.inlineRole));
  }
  if (token.role !== undefined) {
    return {
      label: ROLE_LABELS[token.role] ?? token.role,
      detail: parts.length > 0 ? parts.join("; ") : null,
    };
  }
  return {
    label: token.customRoleIds.length > 0 ? "Custom roles" : "Custom policy",
    detail: parts.join("; "),
  };
}
