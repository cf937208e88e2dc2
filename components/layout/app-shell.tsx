import Link from "next/link";
import type { ReactNode } from "react";
import { FocusHeadingOnNavigation } from "@/components/layout/focus-heading-on-navigation";
import { HeaderMenu } from "@/components/layout/header-menu";

/** The skip link's target: the page itself, past the header. */
const MAIN_ID = "main-content";

export function AppShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
          <Link href="/projects" className="text-base font-semibold text-indigo-700">
            Tributary
          </Link>
          <HeaderMenu email={email} />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
      <FocusHeadingOnNavigation />
    </div>
  );
}
