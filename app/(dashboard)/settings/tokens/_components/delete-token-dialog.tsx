"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
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
    <Dialog
      title={`Delete "${token.name}"?`}
      description="Every tool that uses this token gets 401 from now on, including a previous value in its grace period. This cannot be undone."
      onClose={onClose}
    >
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(token._id, { onSuccess: onDeleted })}
        >
          {remove.isPending ? "Deleting…" : "Delete token"}
        </Button>
      </div>
    </Dialog>
  );
}
