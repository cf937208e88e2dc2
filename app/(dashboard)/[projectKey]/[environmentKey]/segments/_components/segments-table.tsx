"use client";

import Link from "next/link";
import { FreshnessBadge } from "@/components/segments/freshness-badge";
import { IntegrationBadge } from "@/components/segments/integration-badge";
import { DateTime } from "@/components/time/date-time";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = {
  segments: readonly SegmentResponse[];
  /** `/{projectKey}/{environmentKey}`, encoded. */
  environmentHref: string;
  integrationNames: ReadonlyMap<string, string>;
  staleAfterHours: number;
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: ReadonlySet<string>) => void;
  onAddTag: (tag: string) => void;
};

/** One page of segments with a checkbox each (for the bulk tag bar); a tag filters the list to it. */
export function SegmentsTable({
  segments,
  environmentHref,
  integrationNames,
  staleAfterHours,
  selected,
  onSelectedChange,
  onAddTag,
}: Props) {
  const allOnPageSelected = segments.length > 0 && segments.every((segment) => selected.has(segment.key));
  return (
    <TableScroll label="Segments" pinnedColumns={2} className="shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="w-8 px-3 py-2">
              <input
                type="checkbox"
                aria-label="Select every segment on this page"
                checked={allOnPageSelected}
                onChange={() =>
                  onSelectedChange(
                    allOnPageSelected ? new Set() : new Set(segments.map((segment) => segment.key)),
                  )
                }
              />
            </th>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Integration</th>
            <th className="px-3 py-2">Kind</th>
            <th className="px-3 py-2 text-right">Members</th>
            <th className="px-3 py-2">Tags</th>
            <th className="px-3 py-2">Last sync</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr key={segment.key} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <input
                  type="checkbox"
                  aria-label={`Select ${segment.name}`}
                  checked={selected.has(segment.key)}
                  onChange={() => {
                    const next = new Set(selected);
                    if (next.has(segment.key)) next.delete(segment.key);
                    else next.add(segment.key);
                    onSelectedChange(next);
                  }}
                />
              </td>
              <td className="px-3 py-2">
                <Link
                  className="font-medium text-indigo-700 hover:underline"
                  href={`${environmentHref}/segments/${encodeURIComponent(segment.key)}`}
                >
                  {segment.name}
                </Link>
                <div className="text-xs text-slate-500">
                  <code>{segment.key}</code>
                </div>
              </td>
              <td className="px-3 py-2">
                {segment._external ? (
                  <IntegrationBadge
                    integrationKey={segment._external}
                    name={integrationNames.get(segment._external)}
                  />
                ) : (
                  <span className="text-slate-500">Managed here</span>
                )}
              </td>
              <td className="px-3 py-2">{segment.unboundedContextKind}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {segment._unboundedMetadata.includedCount.toLocaleString("en-US")}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  {segment.tags.map((tag) => (
                    <button
                      key={tag}
                      type="button"
                      title={`Show only segments tagged ${tag}`}
                      className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-indigo-100"
                      onClick={() => onAddTag(tag)}
                    >
                      {tag}
                    </button>
                  ))}
                </div>
              </td>
              <td className="px-3 py-2 text-slate-600">
                <div className="flex items-center gap-2">
                  {segment._lastSync ? (
                    <DateTime epochMs={segment._lastSync.at} style="relative" />
                  ) : (
                    <span>{segment._external ? "never" : "—"}</span>
                  )}
                  <FreshnessBadge segment={segment} staleAfterHours={staleAfterHours} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
