"use client";

import { formText } from "@/lib/form-value";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_SIGN_IN_EMAIL_LENGTH, MAX_SIGN_IN_PASSWORD_LENGTH } from "@/lib/schemas/sign-in";
import { useInBrowser } from "@/lib/hooks/use-in-browser";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const hydrated = useInBrowser();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    // A refusal before next-auth answers (e.g. 413) has no redirect URL, and next-auth's signIn throws on that.
    const result = await signIn("credentials", {
      email: formText(form, "email"),
      password: formText(form, "password"),
      redirect: false,
    }).catch(() => ({ error: "Sign-in failed. Try again later." }));
    setPending(false);
    if (!result || result.error) {
      setError(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  // The button waits for hydration, and the form posts, so even a submit before it never puts the password in a URL.
  return (
    <form method="post" className="mt-6 flex flex-col gap-4" onSubmit={(event) => void onSubmit(event)}>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        maxLength={MAX_SIGN_IN_EMAIL_LENGTH}
        required
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        maxLength={MAX_SIGN_IN_PASSWORD_LENGTH}
        required
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
