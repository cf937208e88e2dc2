import { z } from "zod";
import { linkSchema } from "@/lib/schemas/common";

/** api-contract §3/§7: a context key is at most 512 Unicode code points. */
export const MAX_CONTEXT_KEY_CODE_POINTS = 512;
/** api-contract §7: at most 100,000 keys per request, counting every add and every remove. */
export const MAX_KEYS_PER_REQUEST = 100_000;

function exceedsCodePoints(value: string, max: number): boolean {
  if (value.length <= max) return false;
  let count = 0;
  for (const _ of value) if (++count > max) return true;
  return false;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/** The rules of partner member ids (api-contract §3); here a bad key rejects the whole request instead of being skipped. */
export const contextKeySchema = z
  .string()
  .min(1, "a context key must not be empty")
  .refine(
    (key) => !exceedsCodePoints(key, MAX_CONTEXT_KEY_CODE_POINTS),
    `a context key must be at most ${MAX_CONTEXT_KEY_CODE_POINTS} characters`,
  )
  .refine((key) => !hasControlCharacter(key), "a context key must not contain control characters");

export const contextKindSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/, "may contain only letters, digits, '.', '_' and '-'")
  .refine((kind) => kind !== "kind" && kind !== "multi", 'must not be "kind" or "multi"');

const keyListChangeSchema = z.object({
  add: z.array(contextKeySchema).optional(),
  remove: z.array(contextKeySchema).optional(),
});

function keyCount(change: z.infer<typeof keyListChangeSchema> | undefined): number {
  return (change?.add?.length ?? 0) + (change?.remove?.length ?? 0);
}

export const membershipChangeSchema = z
  .object({
    included: keyListChangeSchema.optional(),
    excluded: keyListChangeSchema.optional(),
  })
  .refine((body) => keyCount(body.included) + keyCount(body.excluded) <= MAX_KEYS_PER_REQUEST, {
    error: `too many context keys (at most ${MAX_KEYS_PER_REQUEST} per request)`,
  })
  .meta({
    id: "SegmentMembershipChange",
    description: "Context keys to add to or remove from a segment's included and excluded lists",
  });

export type MembershipChange = z.infer<typeof membershipChangeSchema>;

export const contextMembershipSchema = z
  .object({
    userKey: z.string(),
    included: z.boolean(),
    excluded: z.boolean(),
    addedAt: z
      .number()
      .int()
      .optional()
      .meta({ description: "When the context was included (epoch ms); only when included" }),
    syncRunId: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "The sync run that included the context; only when included" }),
  })
  .meta({ id: "ContextMembership" });

export type ContextMembership = z.infer<typeof contextMembershipSchema>;

export const evaluateContextSchema = z
  .object({ key: contextKeySchema, kind: contextKindSchema.optional() })
  .meta({ id: "EvaluateContext" });

export type EvaluateContext = z.infer<typeof evaluateContextSchema>;

export const evaluatedSegmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z
      .string()
      .meta({ description: "Empty when the segment has none (LaunchDarkly's model requires it)" }),
    unbounded: z.boolean(),
    external: z.string().meta({
      description: "The integration key of a synced segment; empty for others (required by the model)",
    }),
    isMember: z.boolean(),
    isIndividuallyTargeted: z.boolean(),
    isRuleTargeted: z.boolean(),
    _links: z.object({ self: linkSchema }),
  })
  .meta({ id: "EvaluatedSegment" });

export type EvaluatedSegment = z.infer<typeof evaluatedSegmentSchema>;

export const evaluateResponseSchema = z
  .object({ items: z.array(evaluatedSegmentSchema), _links: z.object({ self: linkSchema }) })
  .meta({ id: "EvaluateResponse" });
