"use client";

import { ErrorState, LoadingState } from "@/components/ui/states";
import { useSegmentDetail, type SegmentLocation } from "@/lib/queries/segment-members";
import { CsvImport } from "./_components/csv-import";
import { SegmentMemberList } from "./_components/segment-member-list";
import { SegmentMemberLookup } from "./_components/segment-member-lookup";

function SyncedNote({ integration }: { integration: string }) {
  return (
    <p role="note" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-600">
      Membership of this segment is owned by the <strong>{integration}</strong> integration: every sync sets
      it, so it cannot be imported or edited here.
    </p>
  );
}

export function SegmentMembersView(location: SegmentLocation) {
  const segment = useSegmentDetail(location);
  const syncHref = `/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(location.environmentKey)}/segments/${encodeURIComponent(location.segmentKey)}/sync`;
  return (
    <div className="flex flex-col gap-6">
      <SegmentMemberLookup location={location} syncHref={syncHref} />
      <SegmentMemberList location={location} />
      {segment.isPending ? <LoadingState /> : null}
      {segment.isError ? <ErrorState error={segment.error} /> : null}
      {segment.data ? (
        segment.data._external !== undefined ? (
          <SyncedNote integration={segment.data._external} />
        ) : (
          <CsvImport location={location} />
        )
      ) : null}
    </div>
  );
}
