"use client";

import { useEffect, useId, useRef } from "react";
import { DateTime } from "@/components/time/date-time";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { PasswordLinkIssued } from "@/lib/schemas/invite";

/** A link that sets a member's password, shown once: only this answer of the API ever carries it. */
export function IssuedLink({ link, onDone }: { link: PasswordLinkIssued; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const purpose = link.kind === "invite" ? "accept the invite" : "set a new password";
  return (
    <div className="flex flex-col gap-3">
      <p
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-900"
      >
        {link.emailed
          ? `Emailed to ${link.email}. You can also copy the link now: you won't see it again.`
          : `Not emailed (no mail server is configured or it refused). Copy the link now and send it to ${link.email} yourself: you won't see it again.`}
      </p>
      <p className="text-sm text-slate-600">
        Whoever opens it can {purpose} once, until <DateTime epochMs={link.expiresAt} style="datetime" />.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {link.kind === "invite" ? "Invite link" : "Password reset link"}
        </label>
        <div className="flex gap-2">
          <input
            ref={inputRef}
            id={id}
            readOnly
            value={link.url}
            data-testid="password-link"
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-sm"
          />
          <CopyButton value={link.url} label="Copy link" />
        </div>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
