import { headers } from "next/headers";
import { env } from "@/lib/env";
import { signInErrorMessage } from "@/lib/server/auth/oidc-sign-in-error-message";
import { signInMethods } from "@/lib/server/auth/oidc-sign-in-methods";
import { sameOriginPath } from "@/lib/server/auth/same-origin-path";
import { LoginForm } from "./login-form";
import { SsoSignInButton } from "./sso-sign-in-button";

export const metadata = { title: "Sign in · Tributary" };

/** The origin the browser sees: NEXTAUTH_URL when set (npm start sets it), else the request's own host. */
async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${protocol}://${host}`;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback = sameOriginPath(callbackUrl, await publicOrigin(), "/");
  const methods = signInMethods();
  const errorMessage = signInErrorMessage(error);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Tributary</h1>
        <p className="mt-1 text-sm text-slate-500">Synced segments, self-hosted.</p>
        {errorMessage ? (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errorMessage}
          </p>
        ) : null}
        {methods.sso ? (
          <div className="mt-6">
            <SsoSignInButton callbackUrl={safeCallback} primary={!methods.password} />
          </div>
        ) : null}
        {methods.sso && methods.password ? (
          <p className="mt-6 text-center text-xs uppercase tracking-wide text-slate-500">
            or with your password
          </p>
        ) : null}
        {methods.password ? <LoginForm callbackUrl={safeCallback} /> : null}
      </div>
    </main>
  );
}
