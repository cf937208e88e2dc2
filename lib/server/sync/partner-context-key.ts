// How one partner id (a segment member's id, or a cohort id) becomes a context key, or why it is skipped; and how recorded
// text is made storable.

/** api-contract §3/§7: context keys (and, ours, cohort ids) are at most 512 Unicode code points. */
export const MAX_KEY_CODE_POINTS = 512;
/** api-contract §7: a sync run lists skipped ids cut to 64 characters. */
const RECORDED_ID_CODE_POINTS = 64;

/** `position`: the entry's 1-based place among the request's member entries, in the order they are read. */
export type SkippedMember = { id: string; reason: string; position: number };

export type KeyProblem = { readonly reason: string };

// Shared instances: a member check allocates nothing, which keeps 100,000 members cheap.
const MISSING_ID: KeyProblem = { reason: "missing id" };
const NOT_A_STRING: KeyProblem = { reason: "not a string" };
const NOT_AN_INTEGER: KeyProblem = { reason: "not an integer" };
const EMPTY: KeyProblem = { reason: "empty" };
const TOO_LONG: KeyProblem = { reason: `longer than ${MAX_KEY_CODE_POINTS} characters` };
const CONTROL_CHARACTERS: KeyProblem = { reason: "contains control characters" };
const LONE_SURROGATE: KeyProblem = { reason: "contains an unpaired surrogate" };

/** The context key for a raw member id, or why it is skipped. */
export function partnerContextKey(raw: unknown): string | KeyProblem {
  if (typeof raw === "string") return checkKeyString(raw);
  if (raw === undefined || raw === null) return MISSING_ID;
  if (typeof raw === "number") return Number.isInteger(raw) ? integerString(raw) : NOT_AN_INTEGER;
  return NOT_A_STRING;
}

export function checkKeyString(value: string): string | KeyProblem {
  if (value.length === 0) return EMPTY;
  if (exceedsCodePoints(value, MAX_KEY_CODE_POINTS)) return TOO_LONG;
  if (hasControlCharacter(value)) return CONTROL_CHARACTERS;
  // Not Unicode text: PostgreSQL cannot store it, and the key could never be looked up again.
  if (!value.isWellFormed()) return LONE_SURROGATE;
  return value;
}

/** The decimal digits, also where `String` would switch to exponent notation (|n| ≥ 1e21). */
function integerString(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

function exceedsCodePoints(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > 2 * max) return true;
  return codePointPrefixLength(value, max) < value.length;
}

/** How many UTF-16 units the first `max` code points of `value` take (a surrogate pair is one code point). */
function codePointPrefixLength(value: string, max: number): number {
  let index = 0;
  for (let count = 0; count < max && index < value.length; count++) {
    const code = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    index += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return index;
}

export function skippedMember(rawId: unknown, reason: string, position: number): SkippedMember {
  const text = typeof rawId === "string" ? rawId : rawId === undefined ? "" : stringify(rawId);
  return {
    id: storable(text.slice(0, codePointPrefixLength(text, RECORDED_ID_CODE_POINTS))),
    reason,
    position,
  };
}

/** PostgreSQL text and jsonb hold neither U+0000 nor unpaired surrogates: recorded text shows U+FFFD in their place. */
function storable(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    // Not JSON-serializable (BigInt, cycles): only reachable from a non-JSON caller, and the type is enough to report.
    return typeof value;
  }
}

export function textOrNull(raw: unknown): string | null {
  return typeof raw === "string" && raw.length > 0 ? storable(raw) : null;
}

export function linkOrNull(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // Anything else (javascript:, data:) would become a live link in the dashboard; a link that is not storable text is
  // not a link either.
  const linkable = (url.protocol === "http:" || url.protocol === "https:") && storable(raw) === raw;
  return linkable ? raw : null;
}

export const COHORT_ID_RULE = `must be a non-empty string of at most ${MAX_KEY_CODE_POINTS} characters without control characters or unpaired surrogates, or an integer`;

/** A cohort id follows the context-key rules, so it can go into a segment key and a URL safely. */
export function normalizeCohortId(raw: unknown): string | null {
  if (typeof raw === "number") return Number.isInteger(raw) ? integerString(raw) : null;
  if (typeof raw !== "string") return null;
  const checked = checkKeyString(raw);
  return typeof checked === "string" ? checked : null;
}
