import { cohortKeyHash } from "@/lib/server/sync/cohort-key-hash";

const MAX_SEGMENT_KEY_LENGTH = 256;
/** 247 + "-" + 8 hex characters = 256. */
const HASHED_PREFIX_LENGTH = 247;
// `u`: one "-" per character (code point), not one per UTF-16 unit of an emoji.
const OUTSIDE_KEY_ALPHABET = /[^A-Za-z0-9._-]/gu;

/**
 * The key for a segment created for a partner's cohort (api-contract §3): `{integrationKey}-{cohortId}` in the key alphabet,
 * with a hash of the cohort id appended when that is longer than 256 characters or `isTaken` (by another cohort's segment).
 */
export function deriveSegmentKey(
  integrationKey: string,
  cohortId: string,
  isTaken: (key: string) => boolean,
): string {
  const base = `${integrationKey}-${cohortId}`.replace(OUTSIDE_KEY_ALPHABET, "-");
  if (base.length <= MAX_SEGMENT_KEY_LENGTH && !isTaken(base)) return base;
  // A taken key of 248-256 characters is cut too, so a suffixed key never exceeds 256.
  return `${base.slice(0, HASHED_PREFIX_LENGTH)}-${cohortKeyHash(cohortId)}`;
}
