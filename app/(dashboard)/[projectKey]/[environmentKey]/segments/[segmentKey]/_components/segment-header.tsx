"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { OpenAlertsNotice } from "@/components/alerts/open-alerts-notice";
import { Breadcrumbs, environmentCrumbs } from "@/components/layout/breadcrumbs";
import { FreshnessBadge } from "@/components/segments/freshness-badge";
import { DataAge } from "@/components/time/data-age";
import { IntegrationBadge } from "@/components/segments/integration-badge";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import { useSegment } from "@/lib/queries/segments";
import { SYNC_POLL_MS } from "@/lib/queries/sync-runs";

type Props = {
  projectKey: string;
  environmentKey: string;
  segmentKey: string;
  names: EnvironmentNames;
  staleAfterHours: number;
};

const TABS = [
  { label: "Overview", path: "" },
  { label: "Members", path: "/members" },
  { label: "Sync", path: "/sync" },
  { label: "History", path: "/history" },
  { label: "Settings", path: "/settings" },
] as const;

export function SegmentHeader({ projectKey, environmentKey, segmentKey, names, staleAfterHours }: Props) {
  const segment = useSegment({ projectKey, environmentKey, segmentKey }, { refetchInterval: SYNC_POLL_MS });
  const integrations = useIntegrations();
  const pathname = usePathname();
  const environmentBase = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}`;
  const base = `${environmentBase}/segments/${encodeURIComponent(segmentKey)}`;
  return (
    <header className="flex flex-col gap-3">
      <Breadcrumbs
        items={[
          ...environmentCrumbs(names),
          { label: "Segments", href: `${environmentBase}/segments` },
          { label: segment.data?.name ?? segmentKey },
        ]}
      />
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold break-words">{segment.data?.name ?? segmentKey}</h1>
        <code className="text-sm break-all text-slate-500">{segmentKey}</code>
        {segment.data?._external ? (
          <span className="inline-flex items-center gap-1 rounded bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800">
            synced by{" "}
            <IntegrationBadge
              integrationKey={segment.data._external}
              name={integrationNames(integrations.data?.items).get(segment.data._external)}
            />
          </span>
        ) : null}
        {segment.data ? <FreshnessBadge segment={segment.data} staleAfterHours={staleAfterHours} /> : null}
        {segment.data?._external ? (
          <DataAge
            label="Data from"
            epochMs={segment.data._dataAge.lastSuccessfulSyncAt}
            testId="segment-data-age"
          />
        ) : null}
        {segment.data ? (
          <span className="text-sm text-slate-600" data-testid="segment-member-count">
            {segment.data._unboundedMetadata.includedCount.toLocaleString("en-US")} members
          </span>
        ) : null}
      </div>
      <OpenAlertsNotice projectKey={projectKey} environmentKey={environmentKey} segmentKey={segmentKey} />
      <nav
        aria-label="Segment"
        className="flex gap-1 overflow-x-auto overflow-y-hidden border-b border-slate-200"
      >
        {TABS.map((tab) => {
          const href = `${base}${tab.path}`;
          const current = pathname === href || (tab.path === "" && pathname === base);
          return (
            <Link
              key={tab.label}
              href={href}
              aria-current={current ? "page" : undefined}
              className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${current ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </header>
  );
}
