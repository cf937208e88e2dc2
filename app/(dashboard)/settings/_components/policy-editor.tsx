"use client";

import { useId, useMemo, useState } from "react";
import { policySchema, type Policy } from "@/lib/schemas/policy";

export type PolicyParse = { ok: true; policy: Policy } | { ok: false; errors: string[] };

const MAX_ERRORS_SHOWN = 5;

/** The editor's text as a policy, or the JSON parser's and the schema's own messages (the ones the API would answer). */
export function parsePolicyText(text: string, options: { requireStatement?: boolean } = {}): PolicyParse {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return {
      ok: false,
      errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
  if (options.requireStatement === true && parsed.data.length === 0) {
    return { ok: false, errors: ["add at least one statement"] };
  }
  return { ok: true, policy: parsed.data };
}

export function usePolicyText(initial: string, options: { requireStatement?: boolean } = {}) {
  const [text, setText] = useState(initial);
  const { requireStatement } = options;
  const result = useMemo(() => parsePolicyText(text, { requireStatement }), [text, requireStatement]);
  return { text, setText, result };
}

export function formatPolicy(policy: Policy): string {
  return JSON.stringify(policy, null, 2);
}

/** A JSON textarea validated as the user types, with the schema's precise messages (`statement 1: "actions" ...`). */
export function PolicyEditor({
  label,
  text,
  onChange,
  result,
  hint,
  name,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  result: PolicyParse;
  hint?: string;
  name?: string;
}) {
  const id = useId();
  const statusId = `${id}-status`;
  const hintId = `${id}-hint`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        rows={8}
        aria-invalid={result.ok ? undefined : true}
        aria-describedby={hint ? `${hintId} ${statusId}` : statusId}
        className={`rounded-md border px-2.5 py-1.5 font-mono text-xs shadow-sm focus:outline-none focus:ring-1 ${
          result.ok
            ? "border-slate-300 focus:border-indigo-500 focus:ring-indigo-500"
            : "border-red-400 focus:border-red-500 focus:ring-red-500"
        }`}
      />
      <div id={statusId} aria-live="polite" className="text-xs">
        {result.ok ? (
          <p className="text-green-700">
            Valid policy: {result.policy.length} statement{result.policy.length === 1 ? "" : "s"}.
          </p>
        ) : (
          <ul className="flex flex-col gap-0.5 text-red-700" aria-label="Policy errors">
            {result.errors.slice(0, MAX_ERRORS_SHOWN).map((message, index) => (
              <li key={index}>{message}</li>
            ))}
            {result.errors.length > MAX_ERRORS_SHOWN ? (
              <li>…and {result.errors.length - MAX_ERRORS_SHOWN} more</li>
            ) : null}
          </ul>
        )}
      </div>
    </div>
  );
}

/** One line per statement: "allow createSegment, updateIncluded on proj/*:env/*:segment/*". */
export function summarizePolicy(policy: Policy): string {
  if (policy.length === 0) return "no statements (grants nothing)";
  return policy
    .map((statement) => {
      const actions = statement.actions
        ? statement.actions.join(", ")
        : `all but ${(statement.notActions ?? []).join(", ")}`;
      const resources = statement.resources
        ? statement.resources.join(", ")
        : `all but ${(statement.notResources ?? []).join(", ")}`;
      return `${statement.effect} ${actions} on ${resources}`;
    })
    .join("; ");
}
