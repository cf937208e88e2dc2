"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";
import { useUpdateTeamMemberAccess } from "@/lib/queries/team-members";
import type { MemberResponse, MemberRole } from "@/lib/schemas/member";
import { MemberRoleFields } from "./member-role-fields";

/** Changes a member's role and custom roles; the API refuses one's own (403) and says why, which is shown as is. */
export function MemberAccessDialog({ member, onClose }: { member: MemberResponse; onClose: () => void }) {
  const update = useUpdateTeamMemberAccess();
  const [role, setRole] = useState<MemberRole>(member.role);
  const [customRoleKeys, setCustomRoleKeys] = useState<string[]>(member.customRoleKeys);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ memberId: member._id, role, customRoleKeys }, { onSuccess: onClose });
  }

  return (
    <Dialog title={`Change access of ${member.email}`} onClose={onClose}>
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <MemberRoleFields
          role={role}
          onRoleChange={setRole}
          customRoleKeys={customRoleKeys}
          onCustomRoleKeysChange={setCustomRoleKeys}
          ownerRole={member.role === "owner"}
        />
        {update.isError ? <ErrorState error={update.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save access"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
