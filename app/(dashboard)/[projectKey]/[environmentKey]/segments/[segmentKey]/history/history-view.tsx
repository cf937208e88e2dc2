"use client";

import { useState } from "react";
import { AuditEntryItem } from "@/components/audit/audit-entry-item";
import { NewerOlderButtons } from "@/components/audit/newer-older-buttons";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useSegmentHistory } from "@/lib/queries/audit";
import { olderCursor, type AuditCursor } from "@/lib/queries/audit-log";

type Props = { projectKey: string; environmentKey: string; segmentKey: string };

const FIRST_PAGE: AuditCursor = { before: undefined, offset: 0 };

/** The segment's audit entries; settings changes open with their before and after. */
export function HistoryView({ projectKey, environmentKey, segmentKey }: Props) {
  // Newest first: "Older" pushes a cursor, "Newer" pops one.
  const [cursors, setCursors] = useState<AuditCursor[]>([FIRST_PAGE]);
  const cursor = cursors[cursors.length - 1] ?? FIRST_PAGE;
  const history = useSegmentHistory({ projectKey, environmentKey, segmentKey }, cursor);
  const items = history.data?.items ?? [];
  const remaining = history.data ? history.data.totalCount - cursor.offset - items.length : 0;
  const older = remaining > 0 ? olderCursor(items, cursor) : null;

  return (
    <section aria-label="History" className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        Changes to this segment&apos;s name, description and tags, its creation and deletion, by people and
        tokens. Membership changes are on the Sync tab.
      </p>
      {history.isPending ? <LoadingState /> : null}
      {history.isError ? <ErrorState error={history.error} /> : null}
      {history.data && items.length === 0 ? (
        <EmptyState title="No changes recorded for this segment" />
      ) : null}
      {items.length > 0 ? (
        <ol aria-label="Changes" className="rounded-lg border border-slate-200 bg-white px-4 shadow-sm">
          {items.map((entry) => (
            <AuditEntryItem key={entry._id} entry={entry} defaultExpanded={entry.kind === "segment"} />
          ))}
        </ol>
      ) : null}
      {cursors.length > 1 || older !== null ? (
        <div className="flex justify-end">
          <NewerOlderButtons cursors={cursors} older={older} onChange={setCursors} />
        </div>
      ) : null}
    </section>
  );
}
