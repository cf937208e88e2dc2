"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSegment } from "@/lib/queries/segments";

type Props = { projectKey: string; environmentKey: string; segmentKey: string };

const TABS = [
  { label: "Overview", path: "" },
  { label: "Members", path: "/members" },
  { label: "Sync", path: "/sync" },
] as const;

export function SegmentHeader({ projectKey, environmentKey, segmentKey }: Props) {
  const segment = useSegment({ projectKey, environmentKey, segmentKey });
  const pathname = usePathname();
  const environmentBase = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;
  const base = `${environmentBase}/segments/${encodeURIComponent(segmentKey)}`;
  return (
    <header className="flex flex-col gap-3">
      <p className="text-sm text-slate-500">
        <Link href={`${environmentBase}/segments`} className="hover:underline">
          {projectKey} / {environmentKey} / Segments
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{segment.data?.name ?? segmentKey}</h1>
        <code className="text-sm text-slate-500">{segmentKey}</code>
        {segment.data?._external ? (
          <span className="rounded bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800">
            synced by {segment.data._external}
          </span>
        ) : null}
        {segment.data ? (
          <span className="text-sm text-slate-600">
            {segment.data._unboundedMetadata.includedCount.toLocaleString("en-US")} members
          </span>
        ) : null}
      </div>
      <nav aria-label="Segment" className="flex gap-1 border-b border-slate-200">
        {TABS.map((tab) => {
          const href = `${base}${tab.path}`;
          const current = pathname === href || (tab.path === "" && pathname === base);
          return (
            <Link
              key={tab.label}
              href={href}
              aria-current={current ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm ${current ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}
