import "server-only";
import { prisma } from "@/lib/server/db";

/**
 * Every spelling the environment's segments use for each of `tags`, compared case-insensitively, so a tag filter finds
 * "Beta" when asked for "beta" while each segment keeps the case it was tagged with. Keyed by the lower-cased tag.
 */
export async function tagSpellings(
  environmentId: string,
  tags: readonly string[],
): Promise<Map<string, string[]>> {
  const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
  if (wanted.size === 0) return new Map();
  const spellings = new Map<string, Set<string>>([...wanted].map((tag) => [tag, new Set([tag])]));
  const segments = await prisma.segment.findMany({
    where: { environmentId, NOT: { tags: { isEmpty: true } } },
    select: { tags: true },
  });
  for (const segment of segments) {
    for (const tag of segment.tags) spellings.get(tag.toLowerCase())?.add(tag);
  }
  return new Map([...spellings].map(([tag, found]) => [tag, [...found]]));
}
