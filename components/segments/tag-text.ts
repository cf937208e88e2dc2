import { tagSchema } from "@/lib/schemas/common";
import { segmentTagsSchema } from "@/lib/schemas/segment";

/** Completions offered at once: enough to pick from, few enough to read. */
export const MAX_TAG_COMPLETIONS = 50;

export type ParsedTags = { ok: true; value: string[] } | { ok: false; error: string };

export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** Comma-separated tags as the API takes them; the message of an invalid tag names it. */
export function parseTagText(text: string): ParsedTags {
  const tags = splitTags(text);
  for (const tag of tags) {
    const checked = tagSchema.safeParse(tag);
    if (!checked.success) {
      const reason = checked.error.issues[0]?.message ?? "is not a valid tag";
      return { ok: false, error: `Tag "${tag}" ${reason.replace(/^a tag /, "")}` };
    }
  }
  const all = segmentTagsSchema.safeParse(tags);
  return all.success
    ? { ok: true, value: all.data }
    : { ok: false, error: `Tags: ${all.error.issues[0]?.message ?? "not valid"}` };
}

/**
 * What a datalist offers for comma-separated `text`: the text up to its last comma followed by each known tag that
 * starts with what is being typed (case-insensitively) and is not in the list yet. A browser matches a datalist against
 * the whole value, so each option carries the tags before it.
 */
export function tagCompletions(text: string, known: readonly string[]): string[] {
  const cut = text.lastIndexOf(",");
  const before = cut === -1 ? "" : `${text.slice(0, cut + 1).trimEnd()} `;
  const typing = text
    .slice(cut + 1)
    .trim()
    .toLowerCase();
  const present = new Set(splitTags(text.slice(0, cut + 1)));
  return known
    .filter((tag) => !present.has(tag) && tag.toLowerCase().startsWith(typing))
    .slice(0, MAX_TAG_COMPLETIONS)
    .map((tag) => `${before}${tag}`);
}
