import { z } from "zod";
import { nameSchema, tagSchema } from "@/lib/schemas/common";

const prefixSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "may contain only letters, digits, '.', '_', ':' and '-'");

/** What a caller sends: the password is write-only. */
export const redisConfigInputSchema = z
  .object({
    url: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
    host: z.string().min(1).max(255).optional(),
    port: z.coerce.number().int().min(1).max(65535).optional(),
    username: z.string().max(255).optional(),
    password: z.string().max(1024).optional(),
    tls: z.boolean().optional(),
    prefix: prefixSchema.optional(),
  })
  .refine((config) => config.url !== undefined || config.host !== undefined, {
    message: "either url or host is required",
    path: ["host"],
  });
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

/** The stored, non-secret part of the configuration. */
export type StoredRedisConfig = {
  url: string | null;
  host: string;
  port: number;
  username: string | null;
  tls: boolean;
  prefix: string;
};

export const storeStatusSchema = z.object({
  available: z.boolean(),
  potentiallyStale: z.boolean(),
  lastSync: z.number().int().nullable(),
  lastError: z.object({ at: z.number().int(), message: z.string() }).nullable(),
  backlog: z.object({ entries: z.number().int(), oldestAgeMs: z.number().int().nullable() }),
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
      username: z.string().nullable(),
      tls: z.boolean(),
      prefix: z.string(),
      passwordSet: z.boolean(),
    }),
    _status: storeStatusSchema,
  })
  .meta({ id: "BigSegmentStoreIntegration" });
export type StoreIntegrationResponse = z.infer<typeof storeIntegrationSchema>;
