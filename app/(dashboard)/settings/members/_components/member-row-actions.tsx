"use client";

import { Button } from "@/components/ui/button";
import { GuardedButton } from "@/components/ui/guarded-button";
import { accessResources, type AccessLookup } from "@/lib/queries/access-check";
import type { MemberResponse } from "@/lib/schemas/member";

export type MemberDialogKind = "access" | "remove" | "transfer" | "newLink" | "revoke" | "reset";

/**
 * A member row's buttons. A pending invite offers a new link and revoking; a member who has signed up, access changes, a
 * reset link and removal. The owner's row offers neither removal nor a reset by someone else (the API refuses both).
 */
export function MemberRowActions({
  member,
  self,
  viewerIsOwner,
  lookup,
  onOpen,
}: {
  member: MemberResponse;
  self: boolean;
  viewerIsOwner: boolean;
  lookup: AccessLookup;
  onOpen: (kind: MemberDialogKind) => void;
}) {
  const resource = accessResources.member(member._id);
  if (member._pendingInvite) {
    return (
      <>
        <GuardedButton
          variant="secondary"
          decision={lookup("createMember", resource)}
          onClick={() => onOpen("newLink")}
        >
          New link
        </GuardedButton>
        <GuardedButton
          variant="danger"
          decision={lookup("deleteMember", resource)}
          onClick={() => onOpen("revoke")}
        >
          Revoke
        </GuardedButton>
      </>
    );
  }
  const owner = member.role === "owner";
  return (
    <>
      <GuardedButton
        variant="secondary"
        decision={lookup("updateMemberRole", resource)}
        onClick={() => onOpen("access")}
      >
        Change access
      </GuardedButton>
      {viewerIsOwner && !self ? (
        <Button variant="ghost" onClick={() => onOpen("transfer")}>
          Make owner
        </Button>
      ) : null}
      {!self && !owner ? (
        <GuardedButton
          variant="secondary"
          decision={lookup("updateMemberRole", resource)}
          onClick={() => onOpen("reset")}
        >
          Reset password
        </GuardedButton>
      ) : null}
      {owner ? null : (
        <GuardedButton
          variant="danger"
          decision={lookup("deleteMember", resource)}
          onClick={() => onOpen("remove")}
        >
          Remove
        </GuardedButton>
      )}
    </>
  );
}
