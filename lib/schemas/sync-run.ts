import { z } from "zod";
import { collectionSchema, paginationQuerySchema } from "@/lib/schemas/common";

export const SYNC_RUN_STATUSES = ["succeeded", "partially_applied", "failed"] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export const syncRunCountsSchema = z.object({
  received: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});

export const skippedMemberSchema = z.object({
  id: z.string(),
  reason: z.string(),
  position: z.number().int().optional().meta({
    description:
      "1-based place of the entry among the request's member entries (a CSV import: its line in the file, header counted); absent for runs recorded before positions were kept",
  }),
});

export const syncRunSchema = z
  .object({
    _id: z.string(),
    source: z.string().meta({ description: 'The integration key, or "contexts" / "import"' }),
    status: z.enum(SYNC_RUN_STATUSES),
    startedAt: z.number().int().meta({ description: "Epoch milliseconds" }),
    durationMs: z.number().int(),
    token: z.object({ _id: z.string(), name: z.string(), ending: z.string() }).nullable(),
    member: z.object({ email: z.string() }).nullable(),
    segments: z.array(z.string()).meta({ description: "Keys of the segments the run touched" }),
    counts: syncRunCountsSchema,
    skipped: z.array(skippedMemberSchema).meta({ description: "At most 100, each id cut to 64 characters" }),
    skippedTruncated: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    includedCountAfter: z.number().int().nullable(),
  })
  .meta({ id: "SyncRun" });

export type SyncRunResponse = z.infer<typeof syncRunSchema>;

export const syncRunCollectionSchema = collectionSchema(syncRunSchema);

const requiredKey = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, `${name} is required`);

export const environmentSyncRunsQuerySchema = paginationQuerySchema.extend({
  projectKey: requiredKey("projectKey"),
  environmentKey: requiredKey("environmentKey"),
  integration: z.string().min(1).optional(),
  status: z.enum(SYNC_RUN_STATUSES).optional(),
  segment: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "Only runs that touched the segment with this key" }),
});

export type EnvironmentSyncRunsQuery = z.infer<typeof environmentSyncRunsQuerySchema>;

export const integrationSchema = z
  .object({
    key: z.string().meta({ description: "The {integrationKey} of /api/v2/segment-targets/{integrationKey}" }),
    name: z.string(),
    mode: z.enum(["A", "B", "C"]),
    docsUrl: z.string(),
  })
  .meta({ id: "Integration" });

export type IntegrationResponse = z.infer<typeof integrationSchema>;

export const integrationListSchema = z.object({ items: z.array(integrationSchema) });
