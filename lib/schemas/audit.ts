import { z } from "zod";
import { collectionSchema, linkSchema } from "@/lib/schemas/common";
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

const specifierSchema = z.string().refine((text) => parseResourceSpecifier(text).ok, {
  error: (issue) => {
    const parsed = parseResourceSpecifier(typeof issue.input === "string" ? issue.input : "");
    return `is not a valid resource specifier${parsed.ok ? "" : ` (${parsed.error})`}`;
  },
});

/** The longest `q` and `target` text a search may send. */
export const MAX_AUDIT_SEARCH_TEXT_LENGTH = 256;

/**
 * What an entry records, for people reading the log: a person's (or a tool's) change to a resource, a sync's membership
 * change, or a sign-in or sign-out. Stored kinds map onto these (`AUDIT_CATEGORY_KINDS`).
 */
export const AUDIT_CATEGORIES = ["change", "sync", "sign-in"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** The stored kinds of syncs and sign-ins; every other kind is a change. */
export const AUDIT_CATEGORY_KINDS = { sync: ["sync"], "sign-in": ["session"] } as const;

const categoryList = z
  .string()
  .max(AUDIT_CATEGORIES.join(",").length, `must be a comma-separated list of ${AUDIT_CATEGORIES.join(", ")}`)
  .transform((text, context) => {
    const parts = text.split(",").map((part) => part.trim());
    const unknown = parts.filter((part) => !(AUDIT_CATEGORIES as readonly string[]).includes(part));
    if (unknown.length > 0) {
      context.addIssue({
        code: "custom",
        message: `unknown category "${unknown[0] ?? ""}": use ${AUDIT_CATEGORIES.join(", ")}`,
      });
      return z.NEVER;
    }
    return [...new Set(parts)] as AuditCategory[];
  });

export const auditLogQuerySchema = z.object({
  before: epochMs.optional().meta({ description: "Only entries strictly before this time (epoch ms)" }),
  after: epochMs.optional().meta({ description: "Only entries strictly after this time (epoch ms)" }),
  q: z
    .string()
    .max(MAX_AUDIT_SEARCH_TEXT_LENGTH, `must be at most ${MAX_AUDIT_SEARCH_TEXT_LENGTH} characters`)
    .optional()
    .meta({ description: "Case-insensitive text searched in name, description and target" }),
  target: z
    .string()
    .max(MAX_AUDIT_SEARCH_TEXT_LENGTH, `must be at most ${MAX_AUDIT_SEARCH_TEXT_LENGTH} characters`)
    .optional()
    .meta({ description: "Case-insensitive text searched in the target's resource name only (Tributary's)" }),
  category: categoryList.optional().meta({
    description:
      "Comma-separated: `change` (people's and tools' changes), `sync` (membership pushes and imports), `sign-in` (sign-ins and sign-outs); default all (Tributary's)",
  }),
  memberId: z.uuid("must be a member's _id").optional().meta({
    description:
      "Only what this member did, in the dashboard or with a personal token (not with service tokens) (Tributary's)",
  }),
  tokenId: z
    .uuid("must be an access token's _id")
    .optional()
    .meta({ description: "Only what was done with this access token (Tributary's)" }),
  spec: specifierSchema.optional().meta({
    description:
      "A resource specifier, e.g. `proj/*:env/production:segment/*`; an entry matches when its target or one of the target's ancestors matches",
  }),
  limit: z.coerce.number().int().min(1).max(20).default(10),
  offset: z.coerce.number().int().min(0).default(0),
});
/** How many statements and specifiers a `POST /api/v2/auditlog` search may send. */
export const MAX_AUDIT_SEARCH_STATEMENTS = 20;
export const MAX_AUDIT_SEARCH_SPECIFIERS = 50;

const specifierList = z.array(specifierSchema).min(1).max(MAX_AUDIT_SEARCH_SPECIFIERS);

/**
 * LaunchDarkly's `POST /api/v2/auditlog` body: statements whose resource specifiers select entries (their target or an
 * ancestor of it, as `spec`). An entry is kept when an `allow` statement selects it and no `deny` statement does. Entries
 * are filtered by what they are about, not by action: `actions` may only be `["*"]`.
 */
export const auditLogSearchSchema = z
  .array(
    z
      .strictObject({
        effect: z.enum(["allow", "deny"]),
        resources: specifierList.optional(),
        notResources: specifierList.optional(),
        actions: z
          .array(
            z.literal("*", { error: 'the audit log is searched by resource only: use ["*"] or omit it' }),
          )
          .optional(),
      })
      .refine((statement) => (statement.resources === undefined) !== (statement.notResources === undefined), {
        error: 'use exactly one of "resources" and "notResources"',
      })
      .meta({ id: "AuditLogStatementPost" }),
  )
  .min(1, "must have at least one statement")
  .max(MAX_AUDIT_SEARCH_STATEMENTS, `at most ${MAX_AUDIT_SEARCH_STATEMENTS} statements`);
export type AuditLogSearch = z.infer<typeof auditLogSearchSchema>;

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema> & { statements?: AuditLogSearch };

/** Every audit entry names this account: Tributary serves one LaunchDarkly account. */
export const AUDIT_ACCOUNT_ID = "tributary";

export const auditEntrySchema = z
  .object({
    _id: z.string(),
    _accountId: z.string().meta({ description: `Always "${AUDIT_ACCOUNT_ID}": one account per Tributary` }),
    _links: z.object({ self: linkSchema }),
    date: z.number().int().meta({ description: "Epoch milliseconds" }),
    kind: z
      .string()
      .meta({ description: "project, environment, segment, token, role, member, sync, session, ..." }),
    name: z.string(),
    description: z.string(),
    shortDescription: z.string().meta({ description: "The same as `description`" }),
    comment: z
      .string()
      .optional()
      .meta({ description: "The comment sent with the change (`{comment, patch}`)" }),
    accesses: z.array(z.object({ action: z.string(), resource: z.string() })),
    member: z.object({ _id: z.string().optional(), email: z.string() }).optional().meta({
      description:
        "Who acted; `_id` is absent for the system and the CLI, and the whole field for a service token (it acts as itself, not as the member who created it)",
    }),
    token: z
      .object({
        _id: z.string(),
        name: z.string(),
        ending: z.string(),
        serviceToken: z.boolean().optional().meta({ description: "True for a service token (Tributary's)" }),
      })
      .optional()
      .meta({ description: "The access token used, if any" }),
    target: z
      .object({
        name: z.string(),
        resources: z
          .array(z.string())
          .meta({ description: "The resource name of what the change applies to" }),
        _links: z.object({ self: linkSchema.optional() }),
      })
      .meta({ description: "What the change applies to, as LaunchDarkly's TargetResourceRep" }),
    previousVersion: z.unknown().optional(),
    currentVersion: z.unknown().optional(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;

export const auditEntryCollectionSchema = collectionSchema(auditEntrySchema);
