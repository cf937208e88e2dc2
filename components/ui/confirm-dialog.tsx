"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/states";

/**
 * Asks before one mutation: the question, what it will do, the mutation's error, Cancel (focused first, so Enter does not
 * confirm by accident) and the confirming button, disabled while the request runs.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onClose,
  danger = true,
  blocked = false,
  notice,
  cancelLabel = "Cancel",
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The mutation's error, shown above the buttons; null when none or when `notice` explains it instead. */
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
  danger?: boolean;
  /** The confirming button stays disabled (e.g. the answer said it cannot be done). */
  blocked?: boolean;
  /** Shown in place of the error (e.g. why it cannot be done). */
  notice?: ReactNode;
  cancelLabel?: string;
}) {
  return (
    <Dialog title={title} description={description} onClose={onClose}>
      {notice ?? (error ? <ErrorState error={error} /> : null)}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {cancelLabel}
        </Button>
        <Button variant={danger ? "danger" : "primary"} disabled={pending || blocked} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
