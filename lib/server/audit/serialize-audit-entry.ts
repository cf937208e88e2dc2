import { z } from "zod";
import type { AuditEntry } from "@/lib/generated/prisma/client";
import { AUDIT_ACCOUNT_ID, type AuditEntryResponse } from "@/lib/schemas/audit";
import { auditTargetLinks } from "@/lib/server/audit/audit-target-links";

// Written by this server, but read defensively: a malformed value shows as empty instead of failing the listing.
const storedAccesses = z.array(z.object({ action: z.string(), resource: z.string() })).catch([]);

/**
 * An audit entry in LaunchDarkly's shape (its client's `AuditLogEntryListingRep`); the member, token and comment appear
 * only when there was one, and an entry made with a service token names the token alone.
 */
export function serializeAuditEntry(entry: AuditEntry): AuditEntryResponse {
  return {
    _id: entry.id,
    _accountId: AUDIT_ACCOUNT_ID,
    _links: { self: { href: `/api/v2/auditlog/${entry.id}`, type: "application/json" } },
    date: entry.date.getTime(),
    kind: entry.kind,
    name: entry.name,
    description: entry.description,
    shortDescription: entry.description,
    ...(entry.comment !== null && { comment: entry.comment }),
    accesses: storedAccesses.parse(entry.accesses),
    // A service token acts as itself: naming the member who created it would blame them for a tool's work.
    ...(entry.memberEmail !== null && !entry.tokenService
      ? {
          member:
            entry.memberId !== null
              ? { _id: entry.memberId, email: entry.memberEmail }
              : { email: entry.memberEmail },
        }
      : {}),
    ...(entry.tokenId !== null
      ? {
          token: {
            _id: entry.tokenId,
            name: entry.tokenName ?? "",
            ending: entry.tokenEnding ?? "",
            serviceToken: entry.tokenService,
          },
        }
      : {}),
    target: { name: entry.name, resources: [entry.target], _links: auditTargetLinks(entry.target) },
    ...(entry.previousVersion !== null ? { previousVersion: entry.previousVersion } : {}),
    ...(entry.currentVersion !== null ? { currentVersion: entry.currentVersion } : {}),
  };
}
