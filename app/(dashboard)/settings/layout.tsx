import type { ReactNode } from "react";
import { SettingsNav } from "./_components/settings-nav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Account settings</p>
        <SettingsNav />
      </div>
      {children}
    </div>
  );
}
