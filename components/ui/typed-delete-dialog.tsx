"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

/**
 * Asks for the key of what is about to be deleted, typed: deleting is enabled only once it matches exactly. The parent
 * renders it to open it and runs the deletion in `onConfirm`.
 */
export function TypedDeleteDialog({
  title,
  what,
  confirmKey,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  /** What is deleted, as in "the segment": the field asks for "the segment key", the button says "Delete this segment". */
  what: string;
  confirmKey: string;
  isPending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState("");
  const confirmed = typed === confirmKey;
  return (
    <Dialog title={title} description="This cannot be undone." onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) onConfirm();
        }}
      >
        <Field
          label={`Type the ${what} key, ${confirmKey}, to confirm`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          error={error}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!confirmed || isPending}>
            {isPending ? "Deleting…" : `Delete this ${what}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
