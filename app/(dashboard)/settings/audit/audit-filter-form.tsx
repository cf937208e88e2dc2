"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/lib/form-value";
import { AUDIT_CATEGORIES, type AuditCategory } from "@/lib/schemas/audit";
import { DEFAULT_AUDIT_FILTERS, type AuditPageFilters } from "./audit-filters";

export const CATEGORY_LABELS: Record<AuditCategory, string> = {
  change: "People's changes",
  sync: "Syncs",
  "sign-in": "Sign-ins",
};

function isCategory(value: string): value is AuditCategory {
  return (AUDIT_CATEGORIES as readonly string[]).includes(value);
}

/** The audit log's filters; `onApply` gets the whole new set (the actor, chosen from an entry, is kept as it is). */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditPageFilters;
  onApply: (filters: AuditPageFilters) => void;
}) {
  const [kind, setKind] = useState<string>(filters.kind ?? "");
  // Kept while a single kind is chosen, so going back to all kinds keeps the member's choice.
  const [hideSyncs, setHideSyncs] = useState(!filters.showSyncs);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({
      q: formText(form, "q").trim(),
      resource: formText(form, "resource").trim(),
      from: formText(form, "from"),
      to: formText(form, "to"),
      kind: isCategory(kind) ? kind : null,
      showSyncs: !hideSyncs,
      actor: filters.actor,
    });
  }

  return (
    <form
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto] lg:items-end"
      onSubmit={onSubmit}
      onReset={(event) => {
        event.preventDefault();
        setKind("");
        setHideSyncs(true);
        onApply(DEFAULT_AUDIT_FILTERS);
      }}
    >
      <Field
        label="Search"
        name="q"
        type="search"
        maxLength={256}
        defaultValue={filters.q}
        hint="Name, description or target"
      />
      <Field
        label="Resource"
        name="resource"
        spellCheck={false}
        maxLength={256}
        defaultValue={filters.resource}
        placeholder="proj/*:env/production:segment/*"
        hint="A resource specifier (its children match too) or part of a resource's name"
      />
      <Field label="From" name="from" type="date" defaultValue={filters.from} />
      <Field label="To" name="to" type="date" defaultValue={filters.to} />
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-kind" className="text-sm font-medium text-slate-700">
          Kind
        </label>
        <select
          id="audit-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">All kinds</option>
          {AUDIT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 self-center text-sm text-slate-700">
        <input
          type="checkbox"
          name="hideSyncs"
          checked={hideSyncs}
          onChange={(event) => setHideSyncs(event.target.checked)}
          disabled={kind !== ""}
          className="h-4 w-4"
        />
        Hide syncs
      </label>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-2 lg:justify-end">
        <Button type="submit">Apply</Button>
        <Button type="reset" variant="secondary">
          Clear
        </Button>
      </div>
    </form>
  );
}
