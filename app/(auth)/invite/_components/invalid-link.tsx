import Link from "next/link";
import { INVALID_LINK_MESSAGE } from "@/lib/schemas/invite";

/** One answer for every link that cannot be used: unknown, used, revoked or expired look the same. */
export function InvalidLink() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{INVALID_LINK_MESSAGE}</h1>
        <p className="mt-2 text-sm text-slate-600">
          It may have been used, replaced, revoked or have expired. Ask an admin for a new one, or{" "}
          <Link href="/login" className="text-indigo-700 underline">
            sign in
          </Link>
          .
        </p>
      </div>
    </main>
  );
}
