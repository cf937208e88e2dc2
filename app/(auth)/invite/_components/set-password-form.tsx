"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/lib/form-value";
import { ApiRequestError, apiFetch } from "@/lib/queries/api-client";
import { INVALID_LINK_MESSAGE, MIN_OWN_PASSWORD_LENGTH } from "@/lib/schemas/invite";
import { MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/schemas/sign-in";

/** Sets the password through the link, then signs in with it (or sends the member to the sign-in page). */
export function SetPasswordForm({ secret, email }: { secret: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = formText(form, "password");
    if (password !== formText(form, "confirmPassword")) {
      setError("The passwords differ");
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/v2/password-links/redeem", {
        method: "POST",
        body: JSON.stringify({ secret, password }),
      });
    } catch (failure) {
      setPending(false);
      const notFound = failure instanceof ApiRequestError && failure.status === 404;
      setError(
        notFound ? INVALID_LINK_MESSAGE : failure instanceof Error ? failure.message : "Something went wrong",
      );
      return;
    }
    const signedIn = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    router.replace(signedIn && !signedIn.error ? "/projects" : "/login");
    router.refresh();
  }

  return (
    <form method="post" className="mt-6 flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)}>
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_OWN_PASSWORD_LENGTH}
        maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
        hint={`At least ${MIN_OWN_PASSWORD_LENGTH} characters.`}
        required
      />
      <Field
        label="Repeat the password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
        required
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
