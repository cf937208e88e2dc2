"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useCreateTeamMember } from "@/lib/queries/team-members";
import { MIN_PASSWORD_LENGTH, type MemberRole } from "@/lib/schemas/member";
import { MemberRoleFields } from "./member-role-fields";

export function AddMemberDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (email: string) => void;
}) {
  const create = useCreateTeamMember();
  const [role, setRole] = useState<Exclude<MemberRole, "owner">>("reader");
  const [customRoleKeys, setCustomRoleKeys] = useState<string[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const firstName = formText(form, "firstName").trim();
    const lastName = formText(form, "lastName").trim();
    create.mutate(
      {
        email: formText(form, "email"),
        password: formText(form, "password"),
        role,
        customRoleKeys,
        ...(firstName ? { firstName } : {}),
        ...(lastName ? { lastName } : {}),
      },
      { onSuccess: (member) => onAdded(member.email) },
    );
  }

  return (
    <Dialog
      title="Add a member"
      description="They sign in with this email and password; share the password with them safely."
      onClose={onClose}
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field label="Email" name="email" type="email" required autoComplete="off" />
        <Field
          label="Password"
          name="password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
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
            {create.isPending ? "Adding…" : "Add member"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
