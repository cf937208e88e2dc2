import { z } from "zod";
import { collectionSchema } from "@/lib/schemas/common";
import { parseResourceSpecifier } from "@/lib/server/access/resource";

/** 0001-01-01T00:00:00.000Z: the earliest `before`/`after`, a time both JavaScript and PostgreSQL hold exactly. */
export const MIN_AUDIT_QUERY_TIME_MS = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z: the latest `before`/`after`; later ones are not valid dates in PostgreSQL's input format. */
export const MAX_AUDIT_QUERY_TIME_MS = 253_402_300_799_999;

const epochMs = z.coerce
  .number({ error: "must be epoch milliseconds" })
  .int("must be epoch milliseconds")
  .min(MIN_AUDIT_QUERY_TIME_MS, "must be epoch milliseconds from year 1 to 9999")
  .max(MAX_AUDIT_QUERY_TIME_MS, "must be epoch milliseconds from year 1 to 9999");

export const auditLogQuerySchema = z.object({
  before: epochMs.optional().meta({ description: "Only entries strictly before this time (epoch ms)" }),
  after: epochMs.optional().meta({ description: "Only entries strictly after this time (epoch ms)" }),
  q: z
    .string()
    .max(256, "must be at most 256 characters")
    .optional()
    .meta({ description: "Case-insensitive text searched in name, description and target" }),
  spec: z
    .string()
    .refine((text) => parseResourceSpecifier(text).ok, {
      error: (issue) => {
        const parsed = parseResourceSpecifier(typeof issue.input === "string" ? issue.input : "");
        return `is not a valid resource specifier${parsed.ok ? "" : ` (${parsed.error})`}`;
      },
    })
    .optional()
    .meta({
      description:
        "A resource specifier, e.g. `proj/*:env/production:segment/*`; an entry matches when its target or one of the target's ancestors matches",
    }),
  limit: z.coerce.number().int().min(1).max(20).default(10),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z
  .object({
    _id: z.string(),
    date: z.number().int().meta({ description: "Epoch milliseconds" }),
    kind: z
      .string()
      .meta({ description: "project, environment, segment, token, role, member, sync, session, ..." }),
    name: z.string(),
    description: z.string(),
    accesses: z.array(z.object({ action: z.string(), resource: z.string() })),
    member: z
      .object({ _id: z.string().optional(), email: z.string() })
      .optional()
      .meta({ description: "Who acted; `_id` is absent for the system and the CLI" }),
    token: z.object({ _id: z.string(), name: z.string(), ending: z.string() }).optional(),
    target: z.string().meta({ description: "The resource the change applies to" }),
    previousVersion: z.unknown().optional(),
    currentVersion: z.unknown().optional(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;

export const auditEntryCollectionSchema = collectionSchema(auditEntrySchema);
