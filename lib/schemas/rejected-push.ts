import { z } from "zod";

/** Rows whose last refusal is older than this are deleted (shared with the dashboard, which says so). */
export const REJECTED_PUSH_RETENTION_DAYS = 7;

const requiredKey = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, `${name} is required`);

/** `<epoch ms>.<id>` of the last row of a page: the next page starts below it. */
export const REJECTED_PUSH_CURSOR =
  /^\d{1,15}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const rejectedPushesQuerySchema = z.object({
  projectKey: requiredKey("projectKey"),
  environmentKey: requiredKey("environmentKey"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z
    .string()
    .regex(REJECTED_PUSH_CURSOR, "before must be the `next` of a previous page")
    .optional()
    .meta({ description: "The `next` of the previous page" }),
});

export type RejectedPushesQuery = z.infer<typeof rejectedPushesQuerySchema>;

export const rejectedPushSchema = z
  .object({
    _id: z.string(),
    firstAt: z.number().int().meta({ description: "Epoch milliseconds of the first refusal the row counts" }),
    lastAt: z.number().int().meta({ description: "Epoch milliseconds of the last refusal the row counts" }),
    integration: z.string().meta({
      description:
        'The integration key, "contexts" for the membership path, "(unknown)" for a path naming none',
    }),
    status: z.number().int(),
    reason: z.object({ code: z.string(), message: z.string() }),
    token: z
      .object({ name: z.string(), ending: z.string() })
      .nullable()
      .meta({ description: "The token's name and last four characters when it was known; never its value" }),
    clientSideId: z
      .string()
      .nullable()
      .meta({ description: "The client-side ID the body named, when it was read" }),
    memberSample: z.array(z.string()).meta({
      description:
        "At most 3 member ids of the request, each cut to 64 characters; empty for a caller who may not view every segment of the environment",
    }),
    count: z.number().int().meta({ description: "How many refusals the row stands for" }),
    aggregated: z.boolean().meta({ description: "A minute's aggregate row, written above the rate limit" }),
    environmentResolved: z.boolean().meta({
      description: "False for a refusal that named no existing environment (shown only to owners and admins)",
    }),
  })
  .meta({ id: "RejectedPush" });

export type RejectedPushResponse = z.infer<typeof rejectedPushSchema>;

export const rejectedPushPageSchema = z.object({
  items: z.array(rejectedPushSchema),
  next: z.string().nullable().meta({ description: "Pass as `before` for the next page; null on the last" }),
});

export type RejectedPushPage = z.infer<typeof rejectedPushPageSchema>;
