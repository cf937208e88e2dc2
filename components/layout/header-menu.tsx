"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ProjectSwitcher } from "@/components/layout/project-switcher";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ThemeSelect } from "@/components/theme/theme-select";

const MENU_ID = "header-menu";

const LINK = "py-2 text-slate-700 hover:text-slate-900 lg:py-0";

/**
 * The header's links, account and theme: in one row from the `lg` breakpoint up, behind a Menu button below it (a phone
 * cannot fit them, and a row that does not fit made every page scroll sideways). Opening moves focus into the menu;
 * Escape or a navigation closes it and gives focus back to the button.
 */
export function HeaderMenu({ email }: { email: string }) {
  // The page the menu was opened on: a navigation closes it, whichever link or browser button caused it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  const open = openOn === pathname;

  useEffect(() => {
    // The main links first: the project switcher above them is one Tab back.
    const menu = menuRef.current;
    if (open)
      (
        menu?.querySelector<HTMLElement>("nav a") ?? menu?.querySelector<HTMLElement>("a, button, select")
      )?.focus();
  }, [open]);

  function close() {
    setOpenOn(null);
    buttonRef.current?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={MENU_ID}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 lg:hidden"
      >
        Menu
      </button>
      <div
        ref={menuRef}
        id={MENU_ID}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) close();
        }}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-slate-200 pt-3 text-sm lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:justify-between lg:border-0 lg:pt-0`}
      >
        <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:gap-5">
          <ProjectSwitcher />
          <nav aria-label="Main" className="flex flex-col lg:flex-row lg:items-center lg:gap-5">
            <Link href="/projects" className={LINK}>
              Projects
            </Link>
            <Link href="/settings/tokens" className={LINK}>
              Settings
            </Link>
            <Link href="/docs/api" className={LINK}>
              API docs
            </Link>
          </nav>
        </div>
        <div className="flex flex-col gap-3 text-slate-600 lg:flex-row lg:items-center">
          <span className="break-all">{email}</span>
          <Link href="/settings/account" className={LINK}>
            Account
          </Link>
          <ThemeSelect />
          <div>
            <SignOutButton />
          </div>
        </div>
      </div>
    </>
  );
}
