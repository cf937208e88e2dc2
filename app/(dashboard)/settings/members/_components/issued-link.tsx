"use client";

import { DateTime } from "@/components/time/date-time";
import { Button } from "@/components/ui/button";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { PasswordLinkIssued } from "@/lib/schemas/invite";

/** A link that sets a member's password, shown once: only this answer of the API ever carries it. */
export function IssuedLink({ link, onDone }: { link: PasswordLinkIssued; onDone: () => void }) {
  const purpose = link.kind === "invite" ? "accept the invite" : "set a new password";
  return (
    <div className="flex flex-col gap-3">
      <ShownOnceSecret
        label={link.kind === "invite" ? "Invite link" : "Password reset link"}
        value={link.url}
        copyLabel="Copy link"
        testId="password-link"
        warning={
          link.emailed
            ? `Emailed to ${link.email}. You can also copy the link now: you won't see it again.`
            : `Not emailed (no mail server is configured or it refused). Copy the link now and send it to ${link.email} yourself: you won't see it again.`
        }
      >
        <p className="text-sm text-slate-600">
          Whoever opens it can {purpose} once, until <DateTime epochMs={link.expiresAt} style="datetime" />.
        </p>
      </ShownOnceSecret>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
