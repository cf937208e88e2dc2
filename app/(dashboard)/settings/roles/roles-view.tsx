"use client";

import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { accessResources, useOwnAccess } from "@/lib/queries/access-check";
import { useRoles } from "@/lib/queries/roles";
import type { RoleResponse } from "@/lib/schemas/role";
import { summarizePolicy } from "../_components/policy-editor";
import { GuardedButton } from "@/components/ui/guarded-button";
import { PermissionNotice, type PermissionCheck } from "@/components/permission-notice";
import { DeleteRoleDialog } from "./_components/delete-role-dialog";
import { roleAccessChecks } from "./_components/role-access";
import { RoleEditorDialog } from "./_components/role-editor-dialog";
import { TableScroll } from "@/components/ui/table-scroll";

type Open = { kind: "create" } | { kind: "edit" | "delete"; role: RoleResponse } | null;

const PERMISSION_NOTICE_ID = "roles-permissions";

export function RolesView() {
  const roles = useRoles();
  const items = roles.data?.items ?? [];
  const access = useOwnAccess(roleAccessChecks(items.map((role) => role.key)));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const checks: PermissionCheck[] = [
    { action: "createRole", resource: accessResources.anyRole },
    ...items.flatMap((role) => [
      { action: "updateRole", resource: accessResources.role(role.key) },
      { action: "deleteRole", resource: accessResources.role(role.key) },
    ]),
  ].map((check) => ({ ...check, decision: access.lookup(check.action, check.resource) }));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Roles</h1>
          <p className="text-sm text-slate-500">
            Built-in roles: reader, writer, admin, owner, no_access. Custom roles add policies to members and
            tokens.
          </p>
        </div>
        <GuardedButton
          decision={access.lookup("createRole", accessResources.anyRole)}
          explainedBy={PERMISSION_NOTICE_ID}
          onClick={() => {
            setNotice(null);
            setOpen({ kind: "create" });
          }}
        >
          Create role
        </GuardedButton>
      </div>
      <PermissionNotice id={PERMISSION_NOTICE_ID} checks={checks} />
      {notice ? (
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
      ) : null}
      {roles.isPending ? <LoadingState /> : null}
      {roles.isError ? <ErrorState error={roles.error} /> : null}
      {roles.data && items.length === 0 ? (
        <EmptyState title="No custom roles yet">
          Create one to give members or tokens access that the built-in roles do not fit.
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label="Custom roles" className="p-4 shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Custom roles</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Role
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Description
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Policy
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((role) => (
                <tr
                  key={role._id}
                  aria-label={`Role ${role.key}`}
                  className="border-t border-slate-100 align-top"
                >
                  <td className="py-2 pr-3">
                    <p className="font-medium text-slate-900">{role.name}</p>
                    <code className="text-xs text-slate-500">{role.key}</code>
                  </td>
                  <td className="py-2 pr-3 text-slate-600">{role.description ?? "—"}</td>
                  <td className="max-w-md py-2 pr-3 text-xs break-words text-slate-600">
                    {summarizePolicy(role.policy)}
                  </td>
                  <td className="py-2">
                    <div className="flex justify-end gap-1">
                      <GuardedButton
                        variant="secondary"
                        decision={access.lookup("updateRole", accessResources.role(role.key))}
                        explainedBy={PERMISSION_NOTICE_ID}
                        onClick={() => {
                          setNotice(null);
                          setOpen({ kind: "edit", role });
                        }}
                      >
                        Edit
                      </GuardedButton>
                      <GuardedButton
                        variant="danger"
                        decision={access.lookup("deleteRole", accessResources.role(role.key))}
                        explainedBy={PERMISSION_NOTICE_ID}
                        onClick={() => {
                          setNotice(null);
                          setOpen({ kind: "delete", role });
                        }}
                      >
                        Delete
                      </GuardedButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {open?.kind === "create" ? <RoleEditorDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === "edit" ? <RoleEditorDialog role={open.role} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? (
        <DeleteRoleDialog
          role={open.role}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setNotice(`Role ${open.role.key} deleted.`);
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}
