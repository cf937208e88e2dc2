"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { GuardedButton } from "@/components/ui/guarded-button";
import { TypedDeleteDialog } from "@/components/ui/typed-delete-dialog";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useDeleteSegment, type SegmentLocation } from "@/lib/queries/segments";

/** Deleting asks for the key, typed: a segment is what flags target, and its members go with it. */
export function DangerZone({
  location,
  name,
  memberCount,
  synced,
  decision,
  explainedBy,
}: {
  location: SegmentLocation;
  name: string;
  memberCount: number;
  synced: boolean;
  decision: AccessDecision | undefined;
  explainedBy: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteSegment(location);
  const close = () => {
    setOpen(false);
    deletion.reset();
  };
  return (
    <section
      aria-labelledby="danger-zone"
      className="rounded-lg border border-red-200 bg-white p-5 shadow-sm"
    >
      <h2 id="danger-zone" className="text-base font-semibold text-red-800">
        Danger zone
      </h2>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-4">
        <p className="max-w-xl text-sm text-slate-600">
          Deleting removes the segment and its {memberCount.toLocaleString("en-US")} members at once; flags
          that target it stop matching them.{" "}
          {synced ? "The next sync from the tool creates it again, empty, as a new generation." : ""}
        </p>
        <GuardedButton
          variant="danger"
          decision={decision}
          explainedBy={explainedBy}
          onClick={() => setOpen(true)}
        >
          Delete segment
        </GuardedButton>
      </div>
      {open ? (
        <TypedDeleteDialog
          title={`Delete ${name}?`}
          what="segment"
          confirmKey={location.segmentKey}
          isPending={deletion.isPending}
          error={deletion.isError ? deletion.error.message : null}
          onClose={close}
          onConfirm={() =>
            deletion.mutate(undefined, {
              onSuccess: () =>
                router.push(
                  `/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(location.environmentKey)}/segments`,
                ),
            })
          }
        />
      ) : null}
    </section>
  );
}
