"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useSegmentMemberLookup, type SegmentLocation } from "@/lib/queries/segment-members";
import type { ContextMembership } from "@/lib/schemas/membership";
import { DateTime } from "@/components/time/date-time";
import { lookupKey } from "./lookup-key";

function Answer({ result, syncHref }: { result: ContextMembership; syncHref: string }) {
  const key = <code className="rounded bg-slate-100 px-1">{result.userKey}</code>;
  if (!result.included) {
    return (
      <p role="status" className="text-sm text-slate-700">
        {key} is <strong>not a member</strong> of this segment
        {result.excluded ? ", and it is excluded" : ""}.
      </p>
    );
  }
  return (
    <div role="status" className="flex flex-col gap-1 text-sm text-slate-700">
      <p>
        {key} <strong className="text-green-700">is a member</strong>
        {result.excluded ? " but is also excluded, so flags do not target it through this segment" : ""}.
      </p>
      {result.addedAt !== undefined ? (
        <p className="text-slate-600">
          Added <DateTime epochMs={result.addedAt} style="relative" /> (
          {new Date(result.addedAt).toISOString()})
          {result.syncRunId ? (
            <>
              {" "}
              by sync run <code title={result.syncRunId}>{result.syncRunId}</code> (
              <Link href={syncHref} className="text-indigo-700 hover:underline">
                see the Sync tab
              </Link>
              )
            </>
          ) : null}
          .
        </p>
      ) : null}
    </div>
  );
}

/** "Is this key a member?": one point lookup, with when and by which sync the key was added. */
export function SegmentMemberLookup({ location, syncHref }: { location: SegmentLocation; syncHref: string }) {
  const [contextKey, setContextKey] = useState<string | null>(null);
  const [trimmed, setTrimmed] = useState(false);
  const lookup = useSegmentMemberLookup(location, contextKey);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("contextKey");
    const { key, trimmed: wasTrimmed } = lookupKey(formText(new FormData(event.currentTarget), "contextKey"));
    // The field shows what is looked up, so the answer and the key on screen agree.
    if (input instanceof HTMLInputElement) input.value = key;
    setTrimmed(wasTrimmed);
    setContextKey(key === "" ? null : key);
  }

  return (
    <Card title="Is this key a member?">
      <form className="flex flex-wrap items-end gap-3" onSubmit={onSubmit}>
        <div className="min-w-64 flex-1">
          <Field label="Context key" name="contextKey" required autoComplete="off" />
        </div>
        <Button type="submit">Check membership</Button>
      </form>
      <div className="mt-3 flex flex-col gap-2">
        {trimmed ? (
          <p className="text-xs text-slate-600" data-testid="lookup-trimmed">
            Trimmed spaces around the key.
          </p>
        ) : null}
        {lookup.isFetching && !lookup.data ? <LoadingState label="Checking…" /> : null}
        {lookup.isError ? <ErrorState error={lookup.error} /> : null}
        {lookup.data ? <Answer result={lookup.data} syncHref={syncHref} /> : null}
      </div>
    </Card>
  );
}
