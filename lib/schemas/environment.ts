import { z } from "zod";
import { linkSchema, nameSchema, resourceKeySchema, tagSchema } from "@/lib/schemas/common";

export const environmentCreateSchema = z
  .object({
    key: resourceKeySchema,
    name: nameSchema,
    tags: z.array(tagSchema).max(50).optional(),
    color: z.string().optional(),
  })
  .meta({ id: "EnvironmentPost" });
export type EnvironmentCreate = z.infer<typeof environmentCreateSchema>;

export const environmentSchema = z
  .object({
    _id: z.string().meta({ description: "The client-side ID (24 lowercase hex characters)" }),
    key: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    clientSideId: z.string(),
    projectKey: z.string(),
    creationDate: z.number().int(),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Environment" });
export type EnvironmentResponse = z.infer<typeof environmentSchema>;
