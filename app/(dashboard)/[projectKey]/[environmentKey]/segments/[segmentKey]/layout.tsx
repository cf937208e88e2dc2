import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { integrationKeys } from "@/lib/queries/integrations";
import { requireSession } from "@/lib/server/auth/require-session";
import { prefetchSegment } from "@/lib/server/dashboard/prefetch-segment";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { SegmentHeader } from "./_components/segment-header";

export default async function SegmentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectKey: string; environmentKey: string; segmentKey: string }>;
}) {
  const principal = await requireSession();
  const location = await params;
  const queryClient = new QueryClient();
  queryClient.setQueryData(integrationKeys.all, { items: listIntegrations() });
  await prefetchSegment(queryClient, principal, location);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="flex flex-col gap-5">
        <SegmentHeader {...location} staleAfterHours={env().TRIBUTARY_STALE_AFTER_HOURS} />
        {children}
      </div>
    </HydrationBoundary>
  );
}
