"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ApiRequestError } from "@/lib/queries/api-client";
import { useDeleteRole } from "@/lib/queries/roles";
import type { RoleResponse } from "@/lib/schemas/role";

export function DeleteRoleDialog({
  role,
  onClose,
  onDeleted,
}: {
  role: RoleResponse;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteRole();
  const inUse = remove.error instanceof ApiRequestError && remove.error.status === 409 ? remove.error : null;
  return (
    <ConfirmDialog
      title={`Delete role "${role.key}"?`}
      description="Only a role that no member or token holds can be deleted."
      confirmLabel="Delete role"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
      blocked={inUse !== null}
      cancelLabel={inUse ? "Close" : "Cancel"}
      notice={
        inUse ? (
          <div
            role="alert"
            className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            <p className="font-medium">This role is in use and was not deleted.</p>
            <p className="mt-1">{inUse.message}</p>
          </div>
        ) : undefined
      }
      onConfirm={() => remove.mutate(role.key, { onSuccess: onDeleted })}
      onClose={onClose}
    />
  );
}
