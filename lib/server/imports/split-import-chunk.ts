import type { SkippedEntry } from "@/lib/server/membership/membership-run-types";
import { checkKeyString, skippedMember } from "@/lib/server/sync/partner-context-key";

/**
 * A chunk's keys, split as a partner sync splits member ids: the valid context keys to stage, and the rest, each with
 * why and where it was (its line in the file when the uploader says, else its place among all keys sent so far).
 */
export function splitImportChunk(
  keys: readonly string[],
  lines: readonly number[] | undefined,
  keysSentBefore: number,
): { valid: string[]; skipped: SkippedEntry[] } {
  const valid: string[] = [];
  const skipped: SkippedEntry[] = [];
  keys.forEach((raw, index) => {
    const key = checkKeyString(raw);
    if (typeof key === "string") valid.push(key);
    else skipped.push(skippedMember(raw, key.reason, lines?.[index] ?? keysSentBefore + index + 1));
  });
  return { valid, skipped };
}
