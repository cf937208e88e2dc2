import { z } from "zod";

export const KEY_PATTERN = /^[A-Za-z0-9._-]+$/;

export const resourceKeySchema = z
  .string()
  .min(1, "must not be empty")
  .max(256, "must be at most 256 characters")
  .regex(KEY_PATTERN, "may contain only letters, digits, '.', '_' and '-'");

export const tagSchema = z
  .string()
  .min(1, "a tag must not be empty")
  .max(64, "a tag must be at most 64 characters")
  .regex(KEY_PATTERN, "a tag may contain only letters, digits, '.', '_' and '-'");

export const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(256, "must be at most 256 characters");

export const linkSchema = z.object({ href: z.string(), type: z.string() });

export const errorBodySchema = z
  .object({
    code: z.string().meta({ example: "invalid_request" }),
    message: z.string(),
    id: z.string().meta({ description: "The request id" }),
  })
  .meta({ id: "Error" });

export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    totalCount: z.number().int(),
    _links: z.object({ self: linkSchema, next: linkSchema.optional(), prev: linkSchema.optional() }),
  });
}

export type Link = { href: string; type: string };
export type Collection<T> = {
  items: T[];
  totalCount: number;
  _links: { self: Link; next?: Link; prev?: Link };
};
