"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
    <ConfirmDialog
      title={`Remove ${member.email}?`}
      description="They can no longer sign in, and their personal tokens stop working. Service tokens they created pass to the owner."
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(member._id, { onSuccess: onRemoved })}
      onClose={onClose}
    />
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
    <ConfirmDialog
      title={`Make ${member.email} the owner?`}
      description="There is exactly one owner. You become an admin, and only the new owner can transfer ownership again."
      confirmLabel="Transfer ownership"
      pendingLabel="Transferring…"
      pending={transfer.isPending}
      error={transfer.error}
      onConfirm={() => transfer.mutate(member._id, { onSuccess: onTransferred })}
      onClose={onClose}
    />
  );
}
