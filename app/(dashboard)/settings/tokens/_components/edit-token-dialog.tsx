"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useUpdateToken } from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";

export function EditTokenDialog({ token, onClose }: { token: TokenResponse; onClose: () => void }) {
  const update = useUpdateToken();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = formText(form, "description").trim();
    update.mutate(
      {
        tokenId: token._id,
        name: formText(form, "name"),
        description: description === "" ? null : description,
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title={`Edit "${token.name}"`} onClose={onClose}>
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field
          label="Name"
          name="name"
          required
          maxLength={256}
          defaultValue={token.name}
          autoComplete="off"
        />
        <Field
          label="Description"
          name="description"
          maxLength={1024}
          defaultValue={token.description ?? ""}
          autoComplete="off"
        />
        {update.isError ? <ErrorState error={update.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
