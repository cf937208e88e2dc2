import { z } from "zod";

/** The most keys one page of the members list returns. */
export const MAX_SEGMENT_MEMBER_PAGE_SIZE = 1_000;
/** A prefix search counts its matches up to this many; beyond it the count says "at least". */
export const SEGMENT_MEMBER_PREFIX_COUNT_CAP = 10_000;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

const keyText = (name: string) =>
  z
    .string()
    .max(2_048, `${name} is too long`)
    .refine((value) => !hasControlCharacter(value), `${name} must not contain control characters`);

export const segmentMemberListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_SEGMENT_MEMBER_PAGE_SIZE).default(50),
  after: keyText("after")
    .min(1, "after must not be empty")
    .optional()
    .meta({ description: "The last key of the previous page (`next` of that page)" }),
  prefix: keyText("prefix")
    .optional()
    .meta({ description: "Only keys that start with this text (case-sensitive)" }),
});
export type SegmentMemberListQuery = z.infer<typeof segmentMemberListQuerySchema>;

export const segmentMemberSchema = z
  .object({
    key: z.string(),
    addedAt: z.number().int().meta({ description: "Epoch milliseconds" }),
    syncRunId: z.string().nullable().meta({ description: "The sync run that added the key" }),
  })
  .meta({ id: "SegmentMember" });
export type SegmentMember = z.infer<typeof segmentMemberSchema>;

export const segmentMemberListSchema = z
  .object({
    items: z.array(segmentMemberSchema),
    next: z
      .string()
      .nullable()
      .meta({ description: "Pass as `after` for the next page; null on the last page" }),
    totalCount: z
      .number()
      .int()
      .meta({
        description: `Members of the segment, or with \`prefix\` the matching members (counted up to ${SEGMENT_MEMBER_PREFIX_COUNT_CAP})`,
      }),
    totalCountCapped: z
      .boolean()
      .meta({ description: "true when a prefix matches more members than were counted" }),
  })
  .meta({ id: "SegmentMemberList" });
export type SegmentMemberList = z.infer<typeof segmentMemberListSchema>;
