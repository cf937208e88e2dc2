"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { useIssuePasswordLink, useRevokePasswordLink } from "@/lib/queries/invites";
import { RESET_LINK_TTL_HOURS, type PasswordLinkIssued } from "@/lib/schemas/invite";
import type { MemberResponse } from "@/lib/schemas/member";
import { IssuedLink } from "./issued-link";

/** "New link" for a pending invite, or a password reset link: confirms, issues, then shows the link once. */
export function IssueLinkDialog({
  member,
  kind,
  onClose,
}: {
  member: MemberResponse;
  kind: "invite" | "reset";
  onClose: () => void;
}) {
  const issue = useIssuePasswordLink();
  const [issued, setIssued] = useState<PasswordLinkIssued | null>(null);
  const title =
    kind === "invite" ? `New invite link for ${member.email}?` : `Reset the password of ${member.email}?`;
  if (issued) {
    return (
      <Dialog title={kind === "invite" ? "New invite link" : "Password reset link"} onClose={onClose}>
        <IssuedLink link={issued} onDone={onClose} />
      </Dialog>
    );
  }
  return (
    <ConfirmDialog
      title={title}
      description={
        kind === "invite"
          ? "The previous invite link stops working."
          : `They choose a new password through a one-time link (valid ${RESET_LINK_TTL_HOURS} hours); using it signs them out everywhere. Their password works until then.`
      }
      confirmLabel={kind === "invite" ? "Issue new link" : "Issue reset link"}
      pendingLabel="Issuing…"
      pending={issue.isPending}
      error={issue.error}
      danger={false}
      onConfirm={() => issue.mutate({ memberId: member._id, kind }, { onSuccess: setIssued })}
      onClose={onClose}
    />
  );
}

/** Revokes an invite: the pending member is removed and the link stops working. */
export function RevokeInviteDialog({
  member,
  onClose,
  onRevoked,
}: {
  member: MemberResponse;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const revoke = useRevokePasswordLink();
  return (
    <ConfirmDialog
      title={`Revoke the invite of ${member.email}?`}
      description="The invite link stops working."
      confirmLabel="Revoke invite"
      pendingLabel="Revoking…"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => revoke.mutate({ memberId: member._id, kind: "invite" }, { onSuccess: onRevoked })}
      onClose={onClose}
    />
  );
}
