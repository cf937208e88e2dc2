"use client";

import { useId, type FormEvent } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { GuardedButton } from "@/components/ui/guarded-button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import {
  useAlertDestinations,
  useCreateAlertDestination,
  useDeleteAlertDestination,
  useSendTestAlert,
} from "@/lib/queries/alerts";
import { ALERT_PERMISSION_NOTICE_ID, type AlertLocation, type AlertWritePermission } from "./alert-location";

export function AlertDestinationsCard({
  location,
  write,
}: {
  location: AlertLocation;
  write: AlertWritePermission;
}) {
  const destinations = useAlertDestinations(location);
  const create = useCreateAlertDestination(location);
  const remove = useDeleteAlertDestination(location);
  const sendTest = useSendTestAlert(location);
  const kindId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        kind: formText(form, "kind") === "slack" ? "slack" : "webhook",
        name: formText(form, "name"),
        url: formText(form, "url").trim(),
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  const secret = create.data?.secret;
  return (
    <Card
      title="Destinations"
      description="Every rule of this environment sends to every destination. A webhook's signing secret is shown once."
    >
      {destinations.isPending ? <LoadingState /> : null}
      {destinations.isError ? <ErrorState error={destinations.error} /> : null}
      {destinations.data && destinations.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No destinations yet.</p>
      ) : null}
      {destinations.data && destinations.data.items.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Alert destinations">
          {destinations.data.items.map((destination) => (
            <li key={destination._id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0 break-all">
                <span className="font-medium">{destination.name}</span> ·{" "}
                {destination.kind === "slack" ? "Slack" : "Webhook"} · {destination.url}
              </span>
              <span className="flex gap-2">
                <GuardedButton
                  variant="secondary"
                  decision={write.decision}
                  explainedBy={ALERT_PERMISSION_NOTICE_ID}
                  onClick={() => sendTest.mutate(destination._id)}
                  disabled={sendTest.isPending}
                  aria-label={`Send test to ${destination.name}`}
                >
                  Send test
                </GuardedButton>
                <GuardedButton
                  variant="secondary"
                  decision={write.decision}
                  explainedBy={ALERT_PERMISSION_NOTICE_ID}
                  onClick={() => remove.mutate(destination._id)}
                  aria-label={`Delete destination ${destination.name}`}
                >
                  Delete
                </GuardedButton>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {sendTest.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-slate-700">
          Test message queued: see the delivery log.
        </p>
      ) : null}
      {[sendTest.error, remove.error].map((error, index) =>
        error ? <ErrorState key={index} error={error} /> : null,
      )}
      {secret ? (
        <div role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">
            Signing secret of {create.data?.name}: copy it now, it is not shown again.
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all" data-testid="alert-secret">
              {secret}
            </code>
            <CopyButton value={secret} label="Copy secret" />
          </p>
        </div>
      ) : null}
      <form className="mt-4 grid gap-3 sm:grid-cols-3" onSubmit={onSubmit} aria-label="Add a destination">
        <div className="flex flex-col gap-1">
          <label htmlFor={kindId} className="text-sm font-medium text-slate-700">
            Kind
          </label>
          <select
            id={kindId}
            name="kind"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm"
          >
            <option value="webhook">Webhook (signed JSON)</option>
            <option value="slack">Slack-compatible incoming webhook</option>
          </select>
        </div>
        <Field label="Destination name" name="name" required />
        <Field label="URL" name="url" type="url" required placeholder="https://" />
        <div className="sm:col-span-3 sm:text-right">
          <GuardedButton
            type="submit"
            decision={write.decision}
            explainedBy={ALERT_PERMISSION_NOTICE_ID}
            disabled={create.isPending}
          >
            {create.isPending ? "Adding…" : "Add destination"}
          </GuardedButton>
        </div>
      </form>
      {create.isError ? <ErrorState error={create.error} /> : null}
    </Card>
  );
}
