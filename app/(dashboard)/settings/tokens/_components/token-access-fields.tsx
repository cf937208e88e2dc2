"use client";

import { useId } from "react";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useRoles } from "@/lib/queries/roles";
import { TOKEN_ROLES, type TokenRole } from "@/lib/schemas/token";
import { PolicyEditor, type PolicyParse } from "../../_components/policy-editor";

export type AccessKind = "role" | "custom";

export type TokenAccessDraft = {
  kind: AccessKind;
  role: TokenRole;
  customRoleIds: readonly string[];
  policyText: string;
  policy: PolicyParse;
};

const ROLE_NAMES: Record<TokenRole, string> = { reader: "Reader", writer: "Writer", admin: "Admin" };

/**
 * A token's access as the PATCH route takes it: one built-in role, or custom roles and/or an inline policy. Disabled with
 * the engine's reason when the member may not change the token's policy.
 */
export function TokenAccessFields({
  draft,
  onChange,
  decision,
}: {
  draft: TokenAccessDraft;
  onChange: (changes: Partial<Omit<TokenAccessDraft, "policy">>) => void;
  decision: AccessDecision | undefined;
}) {
  const roles = useRoles();
  const groupId = useId();
  const roleId = useId();
  const locked = decision === undefined || !decision.allowed;
  const known = (roles.data?.items ?? []).map((role) => role.key);
  const keys = [...new Set([...known, ...draft.customRoleIds])].sort();

  return (
    <fieldset className="flex flex-col gap-3" disabled={locked} aria-describedby={`${groupId}-hint`}>
      <legend className="text-sm font-medium text-slate-700">Access</legend>
      <p id={`${groupId}-hint`} className="text-xs text-slate-500">
        {decision !== undefined && !decision.allowed
          ? `Not allowed: ${decision.reason}`
          : "You can give only access you have yourself, and change only a token whose access you have."}
      </p>
      <div className="flex flex-wrap gap-4 text-sm">
        {(["role", "custom"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${groupId}-kind`}
              checked={draft.kind === kind}
              onChange={() => onChange({ kind })}
            />
            {kind === "role" ? "Built-in role" : "Custom roles and inline policy"}
          </label>
        ))}
      </div>
      {draft.kind === "role" ? (
        <div className="flex flex-col gap-1 text-sm sm:w-60">
          <label htmlFor={roleId} className="font-medium text-slate-700">
            Role
          </label>
          <select
            id={roleId}
            value={draft.role}
            onChange={(event) => {
              const role = TOKEN_ROLES.find((item) => item === event.target.value);
              if (role) onChange({ role });
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {TOKEN_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="font-medium text-slate-700">Custom roles</legend>
            {roles.isError ? (
              <p className="text-xs text-slate-500">
                Custom roles could not be listed: {roles.error.message}
              </p>
            ) : null}
            {keys.length === 0 && !roles.isPending ? (
              <p className="text-xs text-slate-500">No custom roles yet.</p>
            ) : null}
            {keys.map((key) => (
              <label key={key} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={draft.customRoleIds.includes(key)}
                  onChange={(event) =>
                    onChange({
                      customRoleIds: event.target.checked
                        ? [...draft.customRoleIds, key]
                        : draft.customRoleIds.filter((other) => other !== key),
                    })
                  }
                />
                <code>{key}</code>
              </label>
            ))}
          </fieldset>
          <PolicyEditor
            label="Inline policy (JSON)"
            text={draft.policyText}
            onChange={(policyText) => onChange({ policyText })}
            result={draft.policy}
            hint='[] for none; otherwise statements of {"effect", "actions", "resources"}'
          />
        </>
      )}
    </fieldset>
  );
}
