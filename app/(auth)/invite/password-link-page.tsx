import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import type { PasswordLinkKind } from "@/lib/schemas/invite";
import { clientAddress } from "@/lib/server/auth/client-address";
import { signInMethods } from "@/lib/server/auth/oidc-sign-in-methods";
import { consumePasswordLinkAttempt } from "@/lib/server/invites/consume-password-link-attempt";
import { findUsablePasswordLink } from "@/lib/server/invites/find-usable-password-link";
import { SetPasswordForm } from "./_components/set-password-form";
import { SingleSignOnInstead } from "./_components/single-sign-on-instead";

const TITLES: Record<PasswordLinkKind, string> = {
  invite: "Welcome to Tributary",
  reset: "Choose a new password",
};

/**
 * The page an invite or reset link opens, for anyone holding it (no session). A link that cannot be used is a 404 with
 * one text whatever the reason; each view counts against the same limits as the form behind it.
 */
export async function PasswordLinkPage({ secret, kind }: { secret: string; kind: PasswordLinkKind }) {
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders.get("x-forwarded-for"), env().TRIBUTARY_TRUSTED_PROXIES);
  const waitSeconds = await consumePasswordLinkAttempt(address);
  const link = waitSeconds === null ? await findUsablePasswordLink(secret, kind) : null;
  if (waitSeconds === null && link === null) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{TITLES[kind]}</h1>
        {link && !signInMethods().password ? (
          <SingleSignOnInstead email={link.email} />
        ) : link ? (
          <>
            <p className="mt-1 text-sm text-slate-500">
              Choose the password you will sign in with as {link.email}.
            </p>
            <SetPasswordForm secret={secret} email={link.email} />
          </>
        ) : (
          <p role="alert" className="mt-2 text-sm text-red-600">
            Too many attempts. Try again in {waitSeconds} seconds.
          </p>
        )}
      </div>
    </main>
  );
}
