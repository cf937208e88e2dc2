"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useChangePassword } from "@/lib/queries/invites";
import { MIN_OWN_PASSWORD_LENGTH } from "@/lib/schemas/invite";
import { MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/schemas/sign-in";

/** The signed-in member's own account: their email and a password change that signs out their other sessions. */
export function AccountView({ email }: { email: string }) {
  const change = useChangePassword();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = formText(form, "newPassword");
    setDone(false);
    setMismatch(newPassword !== formText(form, "confirmPassword"));
    if (newPassword !== formText(form, "confirmPassword")) return;
    change.mutate(
      { currentPassword: formText(form, "currentPassword"), newPassword },
      {
        onSuccess: () => {
          formElement.reset();
          setDone(true);
        },
      },
    );
  }

  return (
    <div className="flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-sm text-slate-500">Signed in as {email}.</p>
      </div>
      <form
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        onSubmit={onSubmit}
      >
        <h2 className="text-lg font-medium">Change password</h2>
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
          required
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={MIN_OWN_PASSWORD_LENGTH}
          maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
          hint={`At least ${MIN_OWN_PASSWORD_LENGTH} characters. Your other sessions are signed out.`}
          required
        />
        <Field
          label="Repeat new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
          error={mismatch ? "The new passwords differ" : null}
          required
        />
        {change.isError ? <ErrorState error={change.error} /> : null}
        {done ? (
          <p role="status" className="text-sm text-green-700">
            Password changed. Your other sessions are signed out.
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={change.isPending}>
            {change.isPending ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </div>
  );
}
