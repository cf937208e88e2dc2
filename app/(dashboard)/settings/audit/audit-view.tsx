"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import {
  AUDIT_PAGE_SIZE,
  olderCursor,
  useAuditLog,
  type AuditCursor,
  type AuditLogFilter,
} from "@/lib/queries/audit-log";
import { AuditEntryItem } from "@/components/audit/audit-entry-item";
import { NewerOlderButtons } from "@/components/audit/newer-older-buttons";

type Filters = { q?: string; spec?: string; after?: number; before?: number };

const DAY_MS = 24 * 3600 * 1000;

/** A day in the browser's zone as epoch ms at its start, or undefined for an empty or invalid field. */
function startOfDay(date: string): number | undefined {
  if (date === "") return undefined;
  const start = new Date(`${date}T00:00:00`).getTime();
  return Number.isNaN(start) ? undefined : start;
}

function readFilters(form: FormData): Filters {
  const q = formText(form, "q").trim();
  const spec = formText(form, "spec").trim();
  const from = startOfDay(formText(form, "from"));
  const to = startOfDay(formText(form, "to"));
  // The API's bounds are exclusive: "from" includes its first millisecond, "to" includes its whole day.
  return {
    ...(q ? { q } : {}),
    ...(spec ? { spec } : {}),
    ...(from === undefined ? {} : { after: from - 1 }),
    ...(to === undefined ? {} : { before: to + DAY_MS }),
  };
}

function toQuery(filters: Filters, cursor: AuditCursor): AuditLogFilter {
  return {
    limit: AUDIT_PAGE_SIZE,
    offset: cursor.offset,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.spec ? { spec: filters.spec } : {}),
    ...(filters.after === undefined ? {} : { after: filters.after }),
    ...(cursor.before === undefined ? {} : { before: cursor.before }),
  };
}

export function AuditView() {
  const [filters, setFilters] = useState<Filters>({});
  // Newest first: each "Older" pushes a cursor, "Newer" pops one.
  const [cursors, setCursors] = useState<AuditCursor[]>([{ before: undefined, offset: 0 }]);
  const cursor = cursors[cursors.length - 1] ?? { before: filters.before, offset: 0 };
  const log = useAuditLog(toQuery(filters, cursor));
  const items = log.data?.items ?? [];
  const remaining = log.data ? log.data.totalCount - cursor.offset - items.length : 0;
  const older = remaining > 0 ? olderCursor(items, cursor) : null;

  function apply(next: Filters) {
    setFilters(next);
    setCursors([{ before: next.before, offset: 0 }]);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(readFilters(new FormData(event.currentTarget)));
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-500">
          Every change to projects, segments, tokens, roles and members, newest first, with who made it.
        </p>
      </div>
      <form
        aria-label="Filter the audit log"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end"
        onSubmit={onSubmit}
        onReset={() => apply({})}
      >
        <Field label="Search" name="q" type="search" maxLength={256} hint="Name, description or target" />
        <Field
          label="Resource"
          name="spec"
          spellCheck={false}
          placeholder="proj/*:env/production:segment/*"
          hint="A resource specifier; its children match too"
        />
        <Field label="From" name="from" type="date" />
        <Field label="To" name="to" type="date" />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
          <Button type="submit">Apply</Button>
          <Button type="reset" variant="secondary">
            Clear
          </Button>
        </div>
      </form>
      {log.isPending ? <LoadingState /> : null}
      {log.isError ? <ErrorState error={log.error} /> : null}
      {log.data && items.length === 0 ? (
        <EmptyState title="No entries">Nothing matches these filters.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <section
          aria-label="Audit log entries"
          aria-busy={log.isFetching}
          className="rounded-lg border border-slate-200 bg-white px-4 py-1 shadow-sm"
        >
          <ul aria-label="Entries">
            {items.map((entry) => (
              <AuditEntryItem key={entry._id} entry={entry} />
            ))}
          </ul>
        </section>
      ) : null}
      {log.data && (cursors.length > 1 || older !== null) ? (
        <nav
          aria-label="Audit log pages"
          className="flex items-center justify-between gap-3 text-sm text-slate-600"
        >
          <p>
            Entries {cursor.offset + 1}–{cursor.offset + items.length} before{" "}
            {cursor.before === undefined ? "now" : new Date(cursor.before).toLocaleString()} (
            {log.data.totalCount} in all)
          </p>
          <NewerOlderButtons cursors={cursors} older={older} onChange={setCursors} />
        </nav>
      ) : null}
    </div>
  );
}
