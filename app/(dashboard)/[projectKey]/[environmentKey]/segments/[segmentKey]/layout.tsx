import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { environmentNames } from "@/lib/dashboard/environment-names";
import { pageTitle } from "@/lib/dashboard/page-title";
import { env } from "@/lib/env";
import { integrationKeys } from "@/lib/queries/integrations";
import { loadSegmentPage } from "@/lib/server/dashboard/load-segment-page";
import { prefetchSegment } from "@/lib/server/dashboard/prefetch-segment";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { SegmentHeader } from "./_components/segment-header";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

/** The overview's title; a tab's page names only itself ("Members") and gets the rest from the template. */
export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { projectKey, environmentKey, segmentKey } = await params;
  const { environment, segment } = await loadSegmentPage(projectKey, environmentKey, segmentKey);
  const title = pageTitle(segment.name, "Segments", environment.name, environment.project.name);
  return { title: { absolute: title, template: `%s · ${title}` } };
}

/** A segment that is missing or hidden from this member is the not-found page: no header, no tabs, nothing polled. */
export default async function SegmentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<Params>;
}) {
  const location = await params;
  const { principal, environment } = await loadSegmentPage(
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  );
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });
  await prefetchSegment(queryClient, principal, location);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="flex flex-col gap-5">
        <SegmentHeader
          {...location}
          names={environmentNames(environment)}
          staleAfterHours={env().TRIBUTARY_STALE_AFTER_HOURS}
        />
        {children}
      </div>
    </HydrationBoundary>
  );
}
