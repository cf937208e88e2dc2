"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import { DateTime } from "@/components/time/date-time";
import { VersionDiff } from "./version-diff";

/** Whom an audit list can be narrowed to: a member (by id) or an access token (by id). */
export type AuditActor = { type: "member" | "token"; id: string };

/** Who acted, in words: a service token acts as itself, a personal token as its member. */
export function actorText(entry: AuditEntryResponse): string {
  const token = entry.token ? `token ${entry.token.name} …${entry.token.ending}` : null;
  if (entry.token && (entry.token.serviceToken === true || entry.member === undefined))
    return `service ${token ?? ""}`;
  const who = entry.member?.email ?? "system";
  return token ? `${who} with ${token}` : who;
}

/** The actor an entry can be filtered by: its token, else its member; none for the system. */
function filterableActor(entry: AuditEntryResponse): AuditActor | null {
  if (entry.token) return { type: "token", id: entry.token._id };
  if (entry.member?._id) return { type: "member", id: entry.member._id };
  return null;
}

export function AuditEntryItem({
  entry,
  defaultExpanded = false,
  onActor,
}: {
  entry: AuditEntryResponse;
  defaultExpanded?: boolean;
  /** Given, the actor is a button that keeps only this actor's entries. */
  onActor?: (actor: AuditActor) => void;
}) {
  const actor = filterableActor(entry);
  const [expanded, setExpanded] = useState(defaultExpanded);
  const detailsId = useId();
  return (
    <li aria-label={entry.description} className="border-t border-slate-100 py-3 first:border-t-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-900">{entry.description}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            <DateTime epochMs={entry.date} /> · <Badge>{entry.kind}</Badge> ·{" "}
            {onActor && actor ? (
              <button
                type="button"
                className="text-indigo-700 hover:underline"
                title="Show only this actor's entries"
                onClick={() => onActor(actor)}
              >
                {actorText(entry)}
              </button>
            ) : (
              actorText(entry)
            )}
          </p>
        </div>
        <Button
          variant="ghost"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? "Hide details" : "Details"}
        </Button>
      </div>
      {expanded ? (
        <div id={detailsId} className="mt-3 flex flex-col gap-3 rounded-md bg-slate-50 p-3">
          <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">Target</dt>
            <dd className="font-mono break-all">{entry.target.resources.join(", ")}</dd>
            <dt className="text-slate-500">Access used</dt>
            <dd className="font-mono break-all">
              {entry.accesses.length === 0
                ? "—"
                : entry.accesses.map((access) => `${access.action} on ${access.resource}`).join("; ")}
            </dd>
            <dt className="text-slate-500">Entry</dt>
            <dd className="font-mono">{entry._id}</dd>
          </dl>
          <VersionDiff previous={entry.previousVersion} current={entry.currentVersion} />
        </div>
      ) : null}
    </li>
  );
}
