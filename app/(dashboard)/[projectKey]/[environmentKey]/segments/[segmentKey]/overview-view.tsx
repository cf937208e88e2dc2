"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { IntegrationBadge } from "@/components/segments/integration-badge";
import { DateTime } from "@/components/time/date-time";
import { TagList } from "@/components/segments/tag-list";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import { useSegment } from "@/lib/queries/segments";
import { useSegmentSyncRuns } from "@/lib/queries/sync-runs";
import { plural, sourceLabel } from "../../activity/_components/format";
import { StatusBadge } from "../../activity/_components/status-badge";
import { SegmentSizeChart } from "./_components/segment-size-chart";

type Props = { projectKey: string; environmentKey: string; segmentKey: string };

/** The newest runs the chart draws: the API's largest page. */
const CHART_RUNS = 100;

function Fact({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`min-w-0 break-words ${wide ? "col-span-2" : ""}`}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

export function OverviewView({ projectKey, environmentKey, segmentKey }: Props) {
  const location = { projectKey, environmentKey, segmentKey };
  const segment = useSegment(location);
  const runs = useSegmentSyncRuns(location, { limit: CHART_RUNS, offset: 0 });
  const integrations = useIntegrations();
  const names = integrationNames(integrations.data?.items);
  if (segment.isPending) return <LoadingState />;
  if (segment.isError) return <ErrorState error={segment.error} />;
  const data = segment.data;
  const latestRun = runs.data?.items[0];
  const syncHref = `/${encodeURIComponent(projectKey)}/${encodeURIComponent(environmentKey)}/segments/${encodeURIComponent(segmentKey)}/sync`;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Segment">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <Fact label="Members">
            <span className="text-lg font-semibold tabular-nums">
              {data._unboundedMetadata.includedCount.toLocaleString("en-US")}
            </span>
          </Fact>
          <Fact label="Context kind">
            <code>{data.unboundedContextKind}</code>
          </Fact>
          <Fact label="Integration" wide>
            {data._external ? (
              <IntegrationBadge integrationKey={data._external} name={names.get(data._external)} />
            ) : (
              "None: managed here"
            )}
          </Fact>
          <Fact label="Generation">{data.generation}</Fact>
          <Fact label="Created">
            <DateTime epochMs={data.creationDate} />
          </Fact>
          <Fact label="Settings modified">
            <DateTime epochMs={data.lastModifiedDate} />
          </Fact>
          <Fact label="Membership modified">
            {data._unboundedMetadata.lastModified === undefined ? (
              "never"
            ) : (
              <DateTime epochMs={data._unboundedMetadata.lastModified} style="relative" />
            )}
          </Fact>
          <Fact label="Excluded">{data._unboundedMetadata.excludedCount.toLocaleString("en-US")}</Fact>
        </dl>
        {data._externalLink ? (
          <p className="mt-4 text-sm">
            <a
              className="text-indigo-700 underline"
              href={data._externalLink}
              rel="noreferrer noopener"
              target="_blank"
            >
              Open the cohort in {data._external ? (names.get(data._external) ?? data._external) : "the tool"}
            </a>
          </p>
        ) : null}
      </Card>
      <Card title="Last sync">
        {latestRun ? (
          <div className="flex flex-col gap-2 text-sm">
            <div className="flex items-center gap-2">
              <StatusBadge status={latestRun.status} />
              <DateTime epochMs={latestRun.startedAt} style="relative" />
            </div>
            <p>
              {sourceLabel(latestRun.source, names)}: {plural(latestRun.counts.received, "member")} received,{" "}
              {latestRun.counts.added.toLocaleString("en-US")} added,{" "}
              {latestRun.counts.removed.toLocaleString("en-US")} removed
              {latestRun.counts.skipped > 0
                ? `, ${latestRun.counts.skipped.toLocaleString("en-US")} skipped`
                : ""}
              .
            </p>
            {latestRun.error ? <p className="text-red-700">{latestRun.error.message}</p> : null}
            <Link className="text-indigo-700 hover:underline" href={syncHref}>
              All syncs
            </Link>
          </div>
        ) : runs.isError ? (
          <ErrorState error={runs.error} />
        ) : (
          <p className="text-sm text-slate-500">
            {runs.isPending ? "Loading…" : "No sync has reached this segment yet."}
          </p>
        )}
      </Card>
      <Card title="Description and tags">
        <p className="text-sm">
          {data.description ?? <span className="text-slate-500">No description.</span>}
        </p>
        <div className="mt-3">
          <TagList tags={data.tags} empty="No tags." />
        </div>
      </Card>
      <div className="lg:col-span-3">
        <Card
          title="Members over time"
          description={`The member count after each of the last ${CHART_RUNS} syncs, with what each added and removed.`}
        >
          {runs.isPending ? <LoadingState /> : null}
          {runs.isError ? <ErrorState error={runs.error} /> : null}
          {runs.data ? <SegmentSizeChart runs={runs.data.items} /> : null}
        </Card>
      </div>
    </div>
  );
}
