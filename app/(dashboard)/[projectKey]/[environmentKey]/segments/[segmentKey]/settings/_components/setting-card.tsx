"use client";

import { useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { GuardedButton } from "@/components/ui/guarded-button";
import type { AccessDecision } from "@/lib/queries/access-check";
import { ApiRequestError } from "@/lib/queries/api-client";
import { segmentKeys, type SegmentLocation, type SettingUpdate } from "@/lib/queries/segments";
import type { SegmentResponse, SegmentSettings } from "@/lib/schemas/segment";

type Field = "name" | "description" | "tags";
/** As a patch sets it: no description is null (the API's answers omit it). */
type Value<F extends Field> = SegmentSettings[F];

export type Parsed<V> = { ok: true; value: V } | { ok: false; error: string };

/**
 * One setting of a segment, edited and saved on its own. While the person types, the draft remembers the value it
 * started from; the save tests that value, so a change someone else saved in between is refused (409) and shown with
 * their value and a way to reload, instead of being overwritten.
 */
export function SettingCard<F extends Field>({
  location,
  field,
  title,
  description,
  label,
  hint,
  current,
  toText,
  fromText,
  multiline = false,
  decision,
  explainedBy,
  mutation,
  suggestions,
  onDirtyChange,
}: {
  location: SegmentLocation;
  field: F;
  title: string;
  description: string;
  label: string;
  hint?: string;
  current: Value<F>;
  toText: (value: Value<F>) => string;
  fromText: (text: string) => Parsed<Value<F>>;
  multiline?: boolean;
  decision: AccessDecision | undefined;
  /** The id of the notice that says in words why a denied setting is read-only. */
  explainedBy: string;
  mutation: UseMutationResult<SegmentResponse, Error, SettingUpdate<F>, unknown>;
  /** Completions of the text typed so far, offered in a datalist. */
  suggestions?: (text: string) => string[];
  /** Told whenever the card starts or stops holding an unsaved draft. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [draft, setDraft] = useState<{ text: string; startedFrom: Value<F> } | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const text = draft?.text ?? toText(current);
  const conflict = mutation.error instanceof ApiRequestError && mutation.error.status === 409;
  const denied = decision !== undefined && !decision.allowed;
  const dirty = draft !== null;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const options = suggestions?.(text) ?? [];

  const save = () => {
    if (draft === null) return;
    const parsed = fromText(draft.text);
    if (!parsed.ok) {
      setInvalid(parsed.error);
      return;
    }
    setInvalid(null);
    mutation.mutate(
      { value: parsed.value, expected: draft.startedFrom },
      { onSuccess: () => setDraft(null) },
    );
  };
  const reload = async () => {
    setDraft(null);
    mutation.reset();
    await queryClient.invalidateQueries({ queryKey: segmentKeys.detail(location, location.segmentKey) });
  };
  const inputProps = {
    id: inputId,
    name: field,
    value: text,
    list: suggestions ? `${inputId}-suggestions` : undefined,
    disabled: denied,
    "aria-invalid": invalid !== null ? true : undefined,
    "aria-describedby": denied ? `${inputId}-hint ${explainedBy}` : `${inputId}-hint`,
    onChange: (event: { target: { value: string } }) => {
      setDraft({ text: event.target.value, startedFrom: draft?.startedFrom ?? current });
      setInvalid(null);
      if (mutation.isError || mutation.isSuccess) mutation.reset();
    },
    className:
      "w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:bg-slate-50",
  };

  return (
    <Card title={title} description={description}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {multiline ? <textarea rows={3} {...inputProps} /> : <input {...inputProps} />}
        {suggestions ? (
          <datalist id={`${inputId}-suggestions`} data-testid={`${field}-suggestions`}>
            {options.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        ) : null}
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
        {invalid !== null ? (
          <p role="alert" className="text-sm text-red-700">
            {invalid}
          </p>
        ) : null}
        {conflict ? (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            <span>
              Someone else changed the {field} while you were editing, so your change was not saved. Reload to
              see theirs; your text will be replaced.
            </span>
            <Button type="button" variant="secondary" onClick={() => void reload()}>
              Reload
            </Button>
          </div>
        ) : mutation.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {mutation.error.message}
          </p>
        ) : null}
        <div className="flex items-center justify-end gap-3">
          {mutation.isSuccess && draft === null ? (
            <span role="status" className="text-sm text-green-700">
              Saved
            </span>
          ) : null}
          {draft !== null ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setDraft(null);
                setInvalid(null);
                mutation.reset();
              }}
            >
              Cancel
            </Button>
          ) : null}
          <GuardedButton
            type="submit"
            decision={decision}
            explainedBy={explainedBy}
            disabled={draft === null || mutation.isPending || conflict}
          >
            {mutation.isPending ? "Saving…" : `Save ${field}`}
          </GuardedButton>
        </div>
      </form>
    </Card>
  );
}
