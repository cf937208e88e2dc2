"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useCreateToken } from "@/lib/queries/tokens";
import type { TokenCreate, TokenResponse } from "@/lib/schemas/token";
import { syncToolPolicy, type SyncToolScope } from "@/lib/schemas/token-sync-tool";
import { formatPolicy, PolicyEditor, usePolicyText } from "../../_components/policy-editor";
import { RevealToken } from "./reveal-token";
import { SyncScopeFields, useDefaultSyncScope } from "./sync-scope-fields";
import { TOKEN_PRESETS, type TokenPresetId } from "./token-presets";

/** The end of the chosen day in the browser's zone: "expires on the 3rd" keeps it working through the 3rd. */
function endOfDay(date: string): number | undefined {
  if (date === "") return undefined;
  const end = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(end.getTime()) ? undefined : end.getTime();
}

export function CreateTokenDialog({
  onClose,
  onCreated,
  service,
  personal,
}: {
  onClose: () => void;
  /** The new token, for the list to point it out. */
  onCreated: (token: TokenResponse) => void;
  /** May the member create service tokens, and personal ones? */
  service: AccessDecision;
  personal: AccessDecision;
}) {
  const create = useCreateToken();
  const [preset, setPreset] = useState<TokenPresetId>("sync");
  // Service by default: a sync tool's token should not stop working when the person who made it leaves.
  const [serviceToken, setServiceToken] = useState(service.allowed);
  const policy = usePolicyText(formatPolicy(syncToolPolicy({ projectKey: "*", environmentKey: "*" })), {
    requireStatement: true,
  });
  const defaultScope = useDefaultSyncScope();
  const [chosenScope, setScope] = useState<SyncToolScope | null>(null);
  const scope = chosenScope ?? defaultScope;
  const groupId = useId();
  const serviceHintId = useId();

  if (create.data) {
    return (
      <Dialog title={`Token "${create.data.name}" created`} onClose={onClose}>
        <RevealToken value={create.data.token} onDone={onClose} />
      </Dialog>
    );
  }

  const serviceLocked = !service.allowed || !personal.allowed;
  const customInvalid = preset === "custom" && !policy.result.ok;
  const scopeMissing = preset === "sync" && scope === null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = TOKEN_PRESETS.find((item) => item.id === preset);
    let access: Pick<TokenCreate, "role" | "inlineRole">;
    if (chosen?.access) access = chosen.access;
    else if (preset === "sync" && scope !== null) access = { inlineRole: syncToolPolicy(scope) };
    else if (preset === "custom" && policy.result.ok) access = { inlineRole: policy.result.policy };
    else return;
    const description = formText(form, "description").trim();
    const expiresAt = endOfDay(formText(form, "expiresAt"));
    create.mutate(
      {
        name: formText(form, "name"),
        ...(description ? { description } : {}),
        ...access,
        serviceToken,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <Dialog
      title="Create an access token"
      description="Tools send the token in the Authorization header. Its value is shown once, right after it is created."
      onClose={onClose}
      size="lg"
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" name="name" required maxLength={256} autoComplete="off" />
          <Field label="Description" name="description" maxLength={1024} autoComplete="off" />
        </div>
        <fieldset className="flex flex-col gap-2" aria-describedby={`${groupId}-hint`}>
          <legend className="text-sm font-medium text-slate-700">Access</legend>
          <p id={`${groupId}-hint`} className="text-xs text-slate-500">
            A token never gets more access than you have.
          </p>
          {TOKEN_PRESETS.map((item) => (
            <div key={item.id} className="flex items-start gap-2">
              <input
                type="radio"
                id={`${groupId}-${item.id}`}
                name="preset"
                value={item.id}
                checked={preset === item.id}
                onChange={() => setPreset(item.id)}
                aria-describedby={`${groupId}-${item.id}-description`}
                className="mt-1"
              />
              <div className="text-sm">
                <label htmlFor={`${groupId}-${item.id}`} className="font-medium text-slate-800">
                  {item.label}
                </label>
                <p id={`${groupId}-${item.id}-description`} className="text-xs text-slate-500">
                  {item.description}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        {preset === "sync" && scope !== null ? <SyncScopeFields scope={scope} onChange={setScope} /> : null}
        {preset === "custom" ? (
          <PolicyEditor
            label="Policy (JSON)"
            text={policy.text}
            onChange={policy.setText}
            result={policy.result}
            hint='A list of statements: {"effect": "allow" | "deny", "actions": [...], "resources": [...]}'
          />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Expires on (optional)"
            name="expiresAt"
            type="date"
            hint="Works through the end of that day; leave empty for no expiry."
          />
          <div className="flex flex-col gap-1 text-sm">
            <label className="flex items-center gap-2 font-medium text-slate-700">
              <input
                type="checkbox"
                name="serviceToken"
                checked={serviceToken}
                disabled={serviceLocked}
                onChange={(event) => setServiceToken(event.target.checked)}
                aria-describedby={serviceHintId}
              />
              Service token
            </label>
            <p id={serviceHintId} className="text-xs text-slate-500">
              {!service.allowed
                ? `Not allowed: ${service.reason}`
                : !personal.allowed
                  ? `Only service tokens: ${personal.reason}`
                  : "Not tied to you: it keeps working if your own access changes or you leave. Otherwise the token is personal and never exceeds your access."}
            </p>
          </div>
        </div>
        {create.isError ? <ErrorState error={create.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending || customInvalid || scopeMissing}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
