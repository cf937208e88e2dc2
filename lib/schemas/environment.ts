import { z } from "zod";
import { linkSchema, nameSchema, resourceKeySchema, tagSchema } from "@/lib/schemas/common";

/**
 * LaunchDarkly's Environment model requires SDK keys; Tributary serves no SDKs and has none. Every environment answers
 * this same value, which is plainly not a key (no `sdk-`/`mob-` prefix), so nobody mistakes it for a usable secret.
 */
export const SDK_KEY_PLACEHOLDER = "not-available-in-tributary";
/** LaunchDarkly requires a color on environments; Tributary keeps none, so every environment answers this gray. */
export const DEFAULT_ENVIRONMENT_COLOR = "808080";

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
    apiKey: z.string().meta({
      description: `Always \`${SDK_KEY_PLACEHOLDER}\`: Tributary serves no SDKs, so it has no SDK keys; this is not a secret`,
    }),
    mobileKey: z.string().meta({ description: "Always the same non-secret placeholder as `apiKey`" }),
    color: z
      .string()
      .meta({ description: `Always \`${DEFAULT_ENVIRONMENT_COLOR}\` (Tributary keeps no color)` }),
    defaultTtl: z.number().int().meta({ description: "Always 0 (Tributary serves no SDK flag data)" }),
    secureMode: z.boolean().meta({ description: "Always false" }),
    defaultTrackEvents: z.boolean().meta({ description: "Always false" }),
    requireComments: z.boolean().meta({ description: "Always false" }),
    confirmChanges: z.boolean().meta({ description: "Always false" }),
    critical: z.boolean().meta({ description: "Always false" }),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "Environment" });
export type EnvironmentResponse = z.infer<typeof environmentSchema>;
