"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useInBrowser } from "@/lib/hooks/use-in-browser";

/** Starts single sign-on: next-auth sends the browser to the identity provider, which sends it back to `callbackUrl`. */
export function SsoSignInButton({ callbackUrl, primary }: { callbackUrl: string; primary: boolean }) {
  const hydrated = useInBrowser();
  const [pending, setPending] = useState(false);

  function start() {
    setPending(true);
    // On failure next-auth itself navigates to the sign-in page with the error; the button stays busy until then.
    void signIn("oidc", { callbackUrl });
  }

  return (
    <Button
      variant={primary ? "primary" : "secondary"}
      className="w-full"
      disabled={pending || !hydrated}
      onClick={start}
    >
      {pending ? "Redirecting…" : "Sign in with SSO"}
    </Button>
  );
}
