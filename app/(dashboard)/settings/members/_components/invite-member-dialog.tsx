"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useCreateInvite } from "@/lib/queries/invites";
import { INVITE_LINK_TTL_DAYS, type PasswordLinkIssued } from "@/lib/schemas/invite";
import type { MemberRole } from "@/lib/schemas/member";
import { IssuedLink } from "./issued-link";
import { MemberRoleFields } from "./member-role-fields";

/** Invites by email and role; the invitee chooses their own password through the one-time link shown afterwards. */
export function InviteMemberDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateInvite();
  const [role, setRole] = useState<Exclude<MemberRole, "owner">>("reader");
  const [customRoleKeys, setCustomRoleKeys] = useState<string[]>([]);
  const [issued, setIssued] = useState<PasswordLinkIssued | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const firstName = formText(form, "firstName").trim();
    const lastName = formText(form, "lastName").trim();
    create.mutate(
      {
        email: formText(form, "email"),
        role,
        customRoleKeys,
        ...(firstName ? { firstName } : {}),
        ...(lastName ? { lastName } : {}),
      },
      { onSuccess: (created) => setIssued(created.link) },
    );
  }

  if (issued) {
    return (
      <Dialog title={`Invited ${issued.email}`} onClose={onClose}>
        <IssuedLink link={issued} onDone={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog
      title="Invite a member"
      description={`They get a one-time link (valid ${INVITE_LINK_TTL_DAYS} days) to choose their own password.`}
      onClose={onClose}
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field label="Email" name="email" type="email" required autoComplete="off" />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="First name (optional)" name="firstName" autoComplete="off" />
          <Field label="Last name (optional)" name="lastName" autoComplete="off" />
        </div>
        <MemberRoleFields
          role={role}
          onRoleChange={setRole}
          customRoleKeys={customRoleKeys}
          onCustomRoleKeysChange={setCustomRoleKeys}
        />
        {create.isError ? <ErrorState error={create.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Inviting…" : "Send invite"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
