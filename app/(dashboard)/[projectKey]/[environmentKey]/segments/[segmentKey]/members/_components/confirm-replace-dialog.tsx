"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatCount } from "../../../../activity/_components/format";

/** A modal confirmation before a replace that removes most of the segment's members. */
export function ConfirmReplaceDialog({
  toRemove,
  currentCount,
  toAdd,
  onConfirm,
  onCancel,
}: {
  toRemove: number;
  currentCount: number;
  toAdd: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="m-auto max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(event) => {
        // Escape cancels the import, the same as the Cancel button.
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          This replace removes {formatCount(toRemove)} of {formatCount(currentCount)} members
        </h2>
        <p className="text-sm text-slate-600">
          The file&apos;s keys become the segment&apos;s members: {formatCount(toRemove)} current members are
          removed and {formatCount(toAdd)} keys are added. Flags that target this segment change for the
          removed contexts at once.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Replace members
          </Button>
        </div>
      </div>
    </dialog>
  );
}
