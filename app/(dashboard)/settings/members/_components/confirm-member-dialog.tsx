"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
import { useDeleteTeamMember, useTransferOwnership } from "@/lib/queries/team-members";
import type { MemberResponse } from "@/lib/schemas/member";

export function RemoveMemberDialog({
  member,
  onClose,
  onRemoved,
}: {
  member: MemberResponse;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const remove = useDeleteTeamMember();
  return (
    <Dialog
      title={`Remove ${member.email}?`}
      description="They can no longer sign in, and their personal tokens stop working. Service tokens they created pass to the owner."
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
          onClick={() => remove.mutate(member._id, { onSuccess: onRemoved })}
        >
          {remove.isPending ? "Removing…" : "Remove member"}
        </Button>
      </div>
    </Dialog>
  );
}

export function TransferOwnershipDialog({
  member,
  onClose,
  onTransferred,
}: {
  member: MemberResponse;
  onClose: () => void;
  onTransferred: () => void;
}) {
  const transfer = useTransferOwnership();
  return (
    <Dialog
      title={`Make ${member.email} the owner?`}
      description="There is exactly one owner. You become an admin, and only the new owner can transfer ownership again."
      onClose={onClose}
    >
      {transfer.isError ? <ErrorState error={transfer.error} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={transfer.isPending}
          onClick={() => transfer.mutate(member._id, { onSuccess: onTransferred })}
        >
          {transfer.isPending ? "Transferring…" : "Transfer ownership"}
        </Button>
      </div>
    </Dialog>
  );
}
