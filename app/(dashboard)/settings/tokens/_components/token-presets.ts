import type { Policy } from "@/lib/schemas/policy";
import type { TokenCreate, TokenResponse } from "@/lib/schemas/token";
import { summarizePolicy } from "../../_components/policy-editor";

/** The least a sync tool needs: create its segments and change their included contexts (api-contract §7, "Hand edits"). */
export const SYNC_TOOL_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

export type TokenPresetId = "sync" | "reader" | "writer" | "admin" | "custom";

export const TOKEN_PRESETS: readonly {
  id: TokenPresetId;
  label: string;
  description: string;
  access: Pick<TokenCreate, "role" | "inlineRole"> | null;
}[] = [
  {
    id: "sync",
    label: "Sync tool",
    description:
      "createSegment + updateIncluded on all segments: what a partner integration needs, nothing more",
    access: { inlineRole: SYNC_TOOL_POLICY },
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

function samePolicy(left: Policy, right: Policy): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** What the token may do, in a word and in detail. */
export function describeTokenAccess(token: TokenResponse): { label: string; detail: string | null } {
  const parts: string[] = [];
  if (token.customRoleIds.length > 0) parts.push(`roles ${token.customRoleIds.join(", ")}`);
  if (token.inlineRole !== undefined && token.inlineRole.length > 0) {
    if (samePolicy(token.inlineRole, SYNC_TOOL_POLICY) && parts.length === 0) {
      return { label: "Sync tool", detail: summarizePolicy(token.inlineRole) };
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
