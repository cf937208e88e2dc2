"use client";

import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { GuardedButton } from "@/components/ui/guarded-button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import {
  useAlertRules,
  useCreateAlertRule,
  useDeleteAlertRule,
  useSetAlertRuleOn,
  type AlertRuleInput,
} from "@/lib/queries/alerts";
import { ALERT_RULE_KINDS, type AlertRule, type AlertRuleKind } from "@/lib/schemas/alerts";
import { ALERT_PERMISSION_NOTICE_ID, type AlertLocation, type AlertWritePermission } from "./alert-location";

export const RULE_KIND_LABELS: Readonly<Record<AlertRuleKind, string>> = {
  sync_failed: "A sync failed",
  sync_skipped_over: "A sync skipped more than N% of its members",
  segment_stale: "A synced segment is stale",
  store_unavailable: "A store is unavailable or potentially stale",
  rejected_pushes_over: "Refused requests above a count",
};

function describeRule(rule: AlertRule): string {
  switch (rule.kind) {
    case "sync_skipped_over":
      return `over ${rule.threshold ?? 0}% skipped`;
    case "segment_stale":
      return `${rule.segmentKey ?? "every synced segment"}, ${
        rule.expectedIntervalMinutes === null
          ? "interval learned"
          : `every ${rule.expectedIntervalMinutes} min`
      }`;
    case "rejected_pushes_over":
      return `over ${rule.threshold ?? 0} in ${rule.windowMinutes ?? 0} min`;
    default:
      return "";
  }
}

function numberOrUndefined(form: FormData, name: string): number | undefined {
  const text = formText(form, name).trim();
  return text === "" ? undefined : Number(text);
}

export function AlertRulesCard({
  location,
  write,
}: {
  location: AlertLocation;
  write: AlertWritePermission;
}) {
  const rules = useAlertRules(location);
  const create = useCreateAlertRule(location);
  const setOn = useSetAlertRuleOn(location);
  const remove = useDeleteAlertRule(location);
  const [kind, setKind] = useState<AlertRuleKind>("sync_failed");
  const kindId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const segmentKey = formText(form, "segmentKey").trim();
    const input: AlertRuleInput = {
      kind,
      name: formText(form, "name"),
      threshold: numberOrUndefined(form, "threshold"),
      windowMinutes: numberOrUndefined(form, "windowMinutes"),
      expectedIntervalMinutes: numberOrUndefined(form, "expectedIntervalMinutes"),
      ...(segmentKey !== "" && { segmentKey }),
    };
    create.mutate(input, { onSuccess: () => formElement.reset() });
  }

  return (
    <Card title="Rules" description="Evaluated every few seconds by the worker.">
      {rules.isPending ? <LoadingState /> : null}
      {rules.isError ? <ErrorState error={rules.error} /> : null}
      {rules.data && rules.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No rules yet.</p>
      ) : null}
      {rules.data && rules.data.items.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Alert rules">
          {rules.data.items.map((rule) => (
            <li key={rule._id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0 break-words">
                <span className="font-medium">{rule.name}</span> · {RULE_KIND_LABELS[rule.kind]}
                {describeRule(rule) ? ` (${describeRule(rule)})` : ""} {rule.on ? null : <Badge>Off</Badge>}
              </span>
              <span className="flex gap-2">
                <GuardedButton
                  variant="secondary"
                  decision={write.decision}
                  explainedBy={ALERT_PERMISSION_NOTICE_ID}
                  onClick={() => setOn.mutate({ id: rule._id, on: !rule.on })}
                >
                  {rule.on ? "Turn off" : "Turn on"}
                </GuardedButton>
                <GuardedButton
                  variant="secondary"
                  decision={write.decision}
                  explainedBy={ALERT_PERMISSION_NOTICE_ID}
                  onClick={() => remove.mutate(rule._id)}
                  aria-label={`Delete rule ${rule.name}`}
                >
                  Delete
                </GuardedButton>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {[setOn.error, remove.error].map((error, index) =>
        error ? <ErrorState key={index} error={error} /> : null,
      )}
      <form className="mt-4 grid gap-3 sm:grid-cols-3" onSubmit={onSubmit} aria-label="Add a rule">
        <div className="flex flex-col gap-1">
          <label htmlFor={kindId} className="text-sm font-medium text-slate-700">
            Condition
          </label>
          <select
            id={kindId}
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm"
            value={kind}
            onChange={(event) => {
              const value = ALERT_RULE_KINDS.find((candidate) => candidate === event.target.value);
              if (value) setKind(value);
            }}
          >
            {ALERT_RULE_KINDS.map((value) => (
              <option key={value} value={value}>
                {RULE_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Rule name" name="name" required />
        {kind === "sync_skipped_over" ? (
          <Field label="Skipped over (%)" name="threshold" type="number" min={0} max={100} required />
        ) : null}
        {kind === "rejected_pushes_over" ? (
          <>
            <Field label="Refused requests over" name="threshold" type="number" min={0} required />
            <Field label="Window (minutes)" name="windowMinutes" type="number" min={1} required />
          </>
        ) : null}
        {kind === "segment_stale" ? (
          <>
            <Field label="Segment key (empty: every synced segment)" name="segmentKey" />
            <Field
              label="Expected interval (minutes)"
              name="expectedIntervalMinutes"
              type="number"
              min={1}
              hint="Empty: 3x the median interval of its last 10 successful syncs, at least 5 minutes."
            />
          </>
        ) : null}
        <div className="sm:col-span-3 sm:text-right">
          <GuardedButton
            type="submit"
            decision={write.decision}
            explainedBy={ALERT_PERMISSION_NOTICE_ID}
            disabled={create.isPending}
          >
            {create.isPending ? "Adding…" : "Add rule"}
          </GuardedButton>
        </div>
      </form>
      {create.isError ? <ErrorState error={create.error} /> : null}
    </Card>
  );
}
