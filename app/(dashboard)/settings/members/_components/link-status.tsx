"use client";

import { DateTime } from "@/components/time/date-time";
import { useNow } from "@/components/time/use-now";
import type { PasswordLinkResponse } from "@/lib/schemas/invite";

/** Whether a member has an invite or reset link out, and until when it works. */
export function LinkStatus({ link }: { link: PasswordLinkResponse | undefined }) {
  const nowMs = useNow();
  if (!link) return <>—</>;
  const what = link.kind === "invite" ? "Invite link" : "Reset link";
  if (nowMs !== null && link.expiresAt <= nowMs) return <>{what} expired</>;
  return (
    <>
      {what} expires <DateTime epochMs={link.expiresAt} style="relative" />
    </>
  );
}
