"use client";

import { useState } from "react";
import { DateTime } from "@/components/time/date-time";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { TableScroll } from "@/components/ui/table-scroll";
import { REJECTED_PUSH_RETENTION_DAYS, type RejectedPushResponse } from "@/lib/schemas/rejected-push";
import { useRejectedPushes } from "@/lib/queries/rejected-pushes";
import type { EnvironmentLocation } from "@/lib/queries/sync-runs";
import { REJECTED_PUSHES_SHOWN } from "./activity-constants";
import { formatCount, sourceLabel } from "./format";

const HEADERS = ["Time", "Integration", "Reason", "Token", "Sample"] as const;

function ReasonCell({ refusal }: { refusal: RejectedPushResponse }) {
  return (
    <>
      <span className="font-medium text-red-800">
        {refusal.status} {refusal.reason.code}
      </span>
      <span className="block break-words text-xs text-slate-600">{refusal.reason.message}</span>
      {refusal.count > 1 ? (
        <span className="block text-xs text-amber-900" data-testid="rejected-push-count">
          {formatCount(refusal.count)} requests
          {refusal.aggregated ? " in this minute, counted together above the rate" : " like this one"}
        </span>
      ) : null}
      {refusal.environmentResolved ? null : (
        <span className="block text-xs text-slate-500">Named no environment of this account</span>
      )}
    </>
  );
}

function RefusalRow({
  refusal,
  integrationNames,
}: {
  refusal: RejectedPushResponse;
  integrationNames: ReadonlyMap<string, string>;
}) {
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="rejected-push-row">
      <td className="whitespace-nowrap px-3 py-2">
        <DateTime epochMs={refusal.lastAt} style="relative" />
      </td>
      <td className="px-3 py-2">{sourceLabel(refusal.integration, integrationNames)}</td>
      <td className="min-w-48 max-w-80 px-3 py-2">
        <ReasonCell refusal={refusal} />
      </td>
      <td className="min-w-32 px-3 py-2">
        {refusal.token ? (
          <span className="break-all">
            {refusal.token.name} <span className="text-slate-500">·{refusal.token.ending}</span>
          </span>
        ) : (
          <span className="text-slate-500">Unknown</span>
        )}
      </td>
      <td className="min-w-48 max-w-64 px-3 py-2 text-xs">
        <span className="block break-all font-mono">{refusal.memberSample.join(", ")}</span>
        {refusal.clientSideId ? (
          <span className="block break-all text-slate-500">Client-side ID {refusal.clientSideId}</span>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Requests the partner and membership endpoints refused (bad token, bad body, unknown environment, rate limit), most
 * recent first, so whoever debugs an integration sees what it sent even when no sync run was written.
 */
export function RejectedPushesSection({
  location,
  integrationNames,
}: {
  location: EnvironmentLocation;
  integrationNames: ReadonlyMap<string, string>;
}) {
  // The cursors of the pages above the one shown; empty on the most recent.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const refusals = useRejectedPushes(location, {
    limit: REJECTED_PUSHES_SHOWN,
    ...(before ? { before } : {}),
  });
  const next = refusals.data?.next ?? null;
  return (
    <section aria-labelledby="rejected-requests" className="flex flex-col gap-2">
      <h2 id="rejected-requests" className="text-base font-semibold">
        Rejected requests
      </h2>
      <p className="text-sm text-slate-500">
        Pushes and membership changes refused before they could apply, kept {REJECTED_PUSH_RETENTION_DAYS}{" "}
        days.
      </p>
      {refusals.isPending ? <LoadingState /> : null}
      {refusals.isError ? <ErrorState error={refusals.error} /> : null}
      {refusals.data && refusals.data.items.length === 0 && cursors.length === 0 ? (
        <p
          role="status"
          className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800"
        >
          No rejected requests.
        </p>
      ) : null}
      {refusals.data && refusals.data.items.length > 0 ? (
        <TableScroll label="Rejected request table" className="shadow-sm">
          <table className="w-full text-left text-sm" data-testid="rejected-push-table">
            <caption className="sr-only">Rejected requests, most recent first</caption>
            <thead className="bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                {HEADERS.map((header) => (
                  <th key={header} scope="col" className="px-3 py-2">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {refusals.data.items.map((refusal) => (
                <RefusalRow key={refusal._id} refusal={refusal} integrationNames={integrationNames} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {cursors.length > 0 || next ? (
        <nav aria-label="Rejected request pages" className="flex gap-2">
          <Button
            variant="secondary"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Newer
          </Button>
          <Button variant="secondary" disabled={!next} onClick={() => next && setCursors([...cursors, next])}>
            Older
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
