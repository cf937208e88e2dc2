"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteToken } from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";

export function DeleteTokenDialog({
  token,
  onClose,
  onDeleted,
}: {
  token: TokenResponse;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteToken();
  return (
    <ConfirmDialog
      title={`Delete "${token.name}"?`}
      description="Every tool that uses this token gets 401 from now on, including a previous value in its grace period. This cannot be undone."
      confirmLabel="Delete token"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(token._id, { onSuccess: onDeleted })}
      onClose={onClose}
    />
  );
}
