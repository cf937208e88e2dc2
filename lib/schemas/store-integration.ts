import { z } from "zod";
import { linkSchema, nameSchema, tagSchema } from "@/lib/schemas/common";
import { storeDataAgeSchema } from "@/lib/schemas/data-age";
import {
  MAX_REDIS_URL_LENGTH,
  normalizeRedisHost,
  parseRedisUrl,
} from "@/lib/schemas/store-integration-target";

const prefixSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "may contain only letters, digits, '.', '_', ':' and '-'");

const portSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a whole number")
      .transform(Number),
  ])
  .pipe(z.number().int("must be a whole number").min(1).max(65535));

/**
 * What a caller sends: the password is write-only. A URL is parsed here (see store-integration-target.ts); its credentials
 * are moved out of it by `toStoredConfig`, so neither answers nor the audit log ever show them.
 */
export const redisConfigInputSchema = z
  .object({
    url: z
      .string()
      .max(MAX_REDIS_URL_LENGTH)
      .superRefine((url, context) => {
        const parsed = parseRedisUrl(url);
        if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.reason });
      })
      .optional(),
    host: z
      .string()
      .min(1)
      .max(255)
      .refine((host) => normalizeRedisHost(host) !== null, "must be a host name or an IP address")
      .optional(),
    port: portSchema.optional(),
    username: z.string().max(255).optional(),
    password: z.string().max(1024).optional(),
    tls: z.boolean().optional(),
    prefix: prefixSchema.optional(),
  })
  .refine((config) => config.url !== undefined || config.host !== undefined, {
    message: "either url or host is required",
    path: ["host"],
  })
  .refine(
    (config) =>
      config.url === undefined ||
      (config.host === undefined && config.port === undefined && config.tls === undefined),
    { message: "give either url or host/port/tls, not both", path: ["url"] },
  );
export type RedisConfigInput = z.infer<typeof redisConfigInputSchema>;

export const storeIntegrationCreateSchema = z
  .object({
    name: nameSchema,
    on: z.boolean().default(true),
    tags: z.array(tagSchema).max(50).optional(),
    config: redisConfigInputSchema,
  })
  .meta({ id: "BigSegmentStoreIntegrationPost" });
export type StoreIntegrationCreate = z.infer<typeof storeIntegrationCreateSchema>;

/** The stored, non-secret part of the configuration; `url` (when the store was given one) is rebuilt without credentials. */
export type StoredRedisConfig = {
  url: string | null;
  host: string;
  port: number;
  db: number;
  username: string | null;
  tls: boolean;
  prefix: string;
};

/** LaunchDarkly's `BigSegmentStoreStatus`: times in epoch milliseconds, absent when there is none. */
export const storeStatusSchema = z.object({
  available: z.boolean(),
  potentiallyStale: z.boolean(),
  lastSync: z
    .number()
    .int()
    .optional()
    .meta({ description: "When the store last caught up; absent if never" }),
  lastError: z.number().int().optional().meta({
    description: "When the failure that keeps the store behind happened; absent while it is not failing",
  }),
  errors: z
    .array(z.object({ message: z.string(), timestamp: z.number().int() }))
    .optional()
    .meta({ description: "That failure's message (never a credential), beside its time" }),
  backlog: z.object({ entries: z.number().int(), oldestAgeMs: z.number().int().nullable() }),
  lastVerified: z.number().int().optional().meta({
    description: "When the worker last found a sample of the store equal to PostgreSQL; absent if never",
  }),
  degraded: z.object({ since: z.number().int(), reason: z.string() }).optional().meta({
    description:
      "Present while drift the worker found is not yet repaired and verified; the store is then potentially stale",
  }),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;

export const storeIntegrationSchema = z
  .object({
    _id: z.string(),
    integrationKey: z.string(),
    projectKey: z.string(),
    environmentKey: z.string(),
    name: z.string(),
    on: z.boolean(),
    tags: z.array(z.string()),
    version: z.number().int(),
    config: z.object({
      url: z.string().nullable(),
      host: z.string(),
      port: z.number().int(),
      db: z.number().int(),
      username: z.string().nullable(),
      tls: z.boolean(),
      prefix: z.string(),
      passwordSet: z.boolean(),
    }),
    _status: storeStatusSchema,
    _dataAge: storeDataAgeSchema,
    _links: z.object({ self: linkSchema, parent: linkSchema, project: linkSchema, environment: linkSchema }),
  })
  .meta({ id: "BigSegmentStoreIntegration" });

export const storeIntegrationCollectionSchema = z
  .object({ items: z.array(storeIntegrationSchema), _links: z.object({ self: linkSchema }) })
  .meta({ id: "BigSegmentStoreIntegrationCollection" });
export type StoreIntegrationResponse = z.infer<typeof storeIntegrationSchema>;
