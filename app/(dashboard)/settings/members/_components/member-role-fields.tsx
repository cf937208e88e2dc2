"use client";

import { useId } from "react";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useRoles } from "@/lib/queries/roles";
import type { MemberRole } from "@/lib/schemas/member";

const ROLE_OPTIONS: { value: MemberRole; label: string }[] = [
  { value: "reader", label: "Reader: view everything, change nothing" },
  { value: "writer", label: "Writer: projects, environments and segments" },
  { value: "admin", label: "Admin: writer plus tokens, roles and members" },
  { value: "no_access", label: "No access: only what custom roles give" },
];

export function isAssignableRole(value: string): value is Exclude<MemberRole, "owner"> {
  return ROLE_OPTIONS.some((option) => option.value === value);
}

/** The built-in role and the custom roles of a member, as controlled fields. The owner's role is not offered here. */
export function MemberRoleFields({
  role,
  onRoleChange,
  customRoleKeys,
  onCustomRoleKeysChange,
  ownerRole = false,
}: {
  role: MemberRole;
  onRoleChange: (role: Exclude<MemberRole, "owner">) => void;
  customRoleKeys: readonly string[];
  onCustomRoleKeysChange: (keys: string[]) => void;
  /** The member is the owner: the role is shown, not offered (ownership moves by transfer). */
  ownerRole?: boolean;
}) {
  const roles = useRoles();
  const roleId = useId();
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={roleId} className="text-sm font-medium text-slate-700">
          Role
        </label>
        <select
          id={roleId}
          value={role}
          disabled={ownerRole}
          onChange={(event) => {
            if (isAssignableRole(event.target.value)) onRoleChange(event.target.value);
          }}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-100"
        >
          {ownerRole ? <option value="owner">Owner (transfer ownership to change)</option> : null}
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">Custom roles</legend>
        {roles.isPending ? <LoadingState label="Loading roles…" /> : null}
        {roles.isError ? <ErrorState error={roles.error} /> : null}
        {roles.data && roles.data.items.length === 0 ? (
          <p className="text-xs text-slate-500">No custom roles yet (create them on the Roles page).</p>
        ) : null}
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {roles.data?.items.map((customRole) => (
            <label key={customRole.key} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={customRoleKeys.includes(customRole.key)}
                onChange={(event) =>
                  onCustomRoleKeysChange(
                    event.target.checked
                      ? [...customRoleKeys, customRole.key]
                      : customRoleKeys.filter((key) => key !== customRole.key),
                  )
                }
              />
              {customRole.name} <code className="text-xs text-slate-500">{customRole.key}</code>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
