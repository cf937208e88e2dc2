"use client";

import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useSegment } from "@/lib/queries/segments";

type Props = { projectKey: string; environmentKey: string; segmentKey: string };

function date(epochMs: number | null): string {
  return epochMs === null ? "—" : new Date(epochMs).toLocaleString("en-US");
}

export function OverviewView({ projectKey, environmentKey, segmentKey }: Props) {
  const segment = useSegment({ projectKey, environmentKey, segmentKey });
  if (segment.isPending) return <LoadingState />;
  if (segment.isError) return <ErrorState error={segment.error} />;
  const data = segment.data;
  const facts: [string, string][] = [
    ["Members", data._unboundedMetadata.includedCount.toLocaleString("en-US")],
    ["Excluded", data._unboundedMetadata.excludedCount.toLocaleString("en-US")],
    ["Context kind", data.unboundedContextKind],
    ["Integration", data._external ?? "none (managed here)"],
    ["Generation", String(data.generation)],
    ["Version", String(data.version)],
    ["Created", date(data.creationDate)],
    ["Settings modified", date(data.lastModifiedDate)],
    ["Membership modified", date(data._unboundedMetadata.lastModified)],
    [
      "Last sync",
      data._lastSync ? `${date(data._lastSync.at)} (${data._lastSync.status.replace("_", " ")})` : "never",
    ],
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title="Segment">
        <dl className="grid grid-cols-2 gap-3 text-sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Description and tags">
        <p className="text-sm">{data.description ?? "No description."}</p>
        <div className="mt-3 flex flex-wrap gap-1">
          {data.tags.map((tag) => (
            <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {tag}
            </span>
          ))}
        </div>
        {data._externalLink ? (
          <p className="mt-3 text-sm">
            <a
              className="text-indigo-700 underline"
              href={data._externalLink}
              rel="noreferrer noopener"
              target="_blank"
            >
              Open the cohort in {data._external}
            </a>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
