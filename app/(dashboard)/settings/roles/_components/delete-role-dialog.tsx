"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
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
    <Dialog
      title={`Delete role "${role.key}"?`}
      description="Only a role that no member or token holds can be deleted."
      onClose={onClose}
    >
      {inUse ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p className="font-medium">This role is in use and was not deleted.</p>
          <p className="mt-1">{inUse.message}</p>
        </div>
      ) : remove.isError ? (
        <ErrorState error={remove.error} />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {inUse ? "Close" : "Cancel"}
        </Button>
        <Button
          variant="danger"
          disabled={remove.isPending || inUse !== null}
          onClick={() => remove.mutate(role.key, { onSuccess: onDeleted })}
        >
          {remove.isPending ? "Deleting…" : "Delete role"}
        </Button>
      </div>
    </Dialog>
  );
}
