"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { useOpenAlerts } from "@/lib/queries/alerts";

type Props = {
  projectKey: string;
  environmentKey: string;
  /** Only this segment's alerts (the segment header); all of the environment's when absent (the segments list). */
  segmentKey?: string;
};

/**
 * A small badge and the first open alert's text, linking to the Alerts page; nothing while there is none (or the
 * member may not read them: the API's answer decides).
 */
export function OpenAlertsNotice({ projectKey, environmentKey, segmentKey }: Props) {
  const open = useOpenAlerts({ projectKey, environmentKey });
  const items = (open.data?.items ?? []).filter(
    (incident) => segmentKey === undefined || incident.segmentKey === segmentKey,
  );
  const first = items[0];
  if (!first) return null;
  const href = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}/alerts`;
  return (
    <p className="flex min-w-0 flex-wrap items-center gap-2 text-sm" data-testid="open-alerts">
      <Badge tone="danger">
        {items.length} open alert{items.length === 1 ? "" : "s"}
      </Badge>
      <Link href={href} className="min-w-0 break-words text-red-800 hover:underline">
        {first.summary}
        {items.length > 1 ? ` (and ${items.length - 1} more)` : ""}
      </Link>
    </p>
  );
}
