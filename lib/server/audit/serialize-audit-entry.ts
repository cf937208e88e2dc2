import { z } from "zod";
import type { AuditEntry } from "@/lib/generated/prisma/client";
import type { AuditEntryResponse } from "@/lib/schemas/audit";

// Written by this server, but read defensively: a malformed value shows as empty instead of failing the listing.
const storedAccesses = z.array(z.object({ action: z.string(), resource: z.string() })).catch([]);

/** An audit entry in the API's shape (LD_COMPAT §5); the member and token appear only when there was one. */
export function serializeAuditEntry(entry: AuditEntry): AuditEntryResponse {
  return {
    _id: entry.id,
    date: entry.date.getTime(),
    kind: entry.kind,
    name: entry.name,
    description: entry.description,
    accesses: storedAccesses.parse(entry.accesses),
    ...(entry.memberEmail !== null
      ? {
          member:
            entry.memberId !== null
              ? { _id: entry.memberId, email: entry.memberEmail }
              : { email: entry.memberEmail },
        }
      : {}),
    ...(entry.tokenId !== null
      ? { token: { _id: entry.tokenId, name: entry.tokenName ?? "", ending: entry.tokenEnding ?? "" } }
      : {}),
    target: entry.target,
    ...(entry.previousVersion !== null ? { previousVersion: entry.previousVersion } : {}),
    ...(entry.currentVersion !== null ? { currentVersion: entry.currentVersion } : {}),
  };
}
