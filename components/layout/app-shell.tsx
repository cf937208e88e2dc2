import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/layout/sign-out-button";

export function AppShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <nav aria-label="Main" className="flex items-center gap-5 text-sm">
            <Link href="/projects" className="text-base font-semibold text-indigo-700">
              Tributary
            </Link>
            <Link href="/projects" className="text-slate-700 hover:text-slate-900">
              Projects
            </Link>
            <Link href="/settings/tokens" className="text-slate-700 hover:text-slate-900">
              Settings
            </Link>
            <Link href="/docs/api" className="text-slate-700 hover:text-slate-900">
              API docs
            </Link>
          </nav>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span>{email}</span>
            <Link href="/settings/account" className="text-slate-700 hover:text-slate-900">
              Account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
