"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { GuardedButton } from "@/components/ui/guarded-button";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useDeleteStore } from "@/lib/queries/stores";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";

/** Deleting a store asks first, in the dashboard's dialog: Tributary stops writing to it, and its Redis keys stay. */
export function DeleteStoreButton({
  store,
  location,
  decision,
  explainedBy,
}: {
  store: StoreIntegrationResponse;
  location: { projectKey: string; environmentKey: string };
  decision: AccessDecision;
  explainedBy: string;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteStore(location);
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <GuardedButton
        variant="danger"
        decision={decision}
        explainedBy={explainedBy}
        onClick={() => setOpen(true)}
      >
        Delete
      </GuardedButton>
      {open ? (
        <ConfirmDialog
          title={`Delete the store ${store.name}?`}
          description="Tributary stops mirroring membership into it. Its Redis data is left as it is, so SDKs reading it see the last state Tributary wrote."
          confirmLabel="Delete store"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(store._id, { onSuccess: () => setOpen(false) })}
          onClose={close}
        />
      ) : null}
    </>
  );
}
