import Link from "next/link";

/** With password sign-in off, a link sets no password: the member signs in through single sign-on, matched by email. */
export function SingleSignOnInstead({ email }: { email: string }) {
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        This Tributary signs people in with single sign-on, not passwords. Sign in with your identity provider
        as {email}; your invite and role are waiting for that address.
      </p>
      <Link
        href="/login"
        className="mt-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Go to sign in
      </Link>
    </>
  );
}
