import type {
  IntegrationDefinition,
  JsonPointer,
  JsonPointerChoice,
  ModeADefinition,
  ModeBDefinition,
  ModeCDefinition,
} from "@/lib/server/sync/integrations/types";
import {
  fieldName,
  isRecord,
  type JsonObject,
  resolve,
  resolveChoice,
  tokensOf,
} from "@/lib/server/sync/json-pointer";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";

/** LD_COMPAT §8: counts every add, remove and skipped member entry across all cohorts of one request. */
export const MAX_MEMBERS_PER_REQUEST = 100_000;

/** LD_COMPAT §3/§8: context keys (and, ours, cohort ids) are at most 512 Unicode code points. */
const MAX_KEY_CODE_POINTS = 512;
/** LD_COMPAT §8: a sync run lists skipped ids cut to 64 characters. */
const RECORDED_ID_CODE_POINTS = 64;
/** LaunchDarkly's context kind alphabet. */
const CONTEXT_KIND = /^[A-Za-z0-9._-]+$/;

export type SkippedMember = { id: string; reason: string };

export type ParsedCohort = {
  cohortId: string;
  cohortName: string | null;
  /** Only an absolute http(s) URL: it is rendered as a link in the dashboard. */
  cohortUrl: string | null;
  cohortDescription: string | null;
  /**
   * Deduplicated. Mode A: a key's last item decides whether it is here or in `remove` (items apply in order); modes B
   * and C: a key both added and removed in this request is only in `remove`. The membership engine relies on both lists
   * being free of duplicates and disjoint (`KeyListChange.distinct`).
   */
  add: string[];
  /** Deduplicated. */
  remove: string[];
  /** Member entries attributed to this cohort, valid or not. */
  received: number;
  /** Every skipped member of this cohort; the caller truncates. */
  skipped: SkippedMember[];
};

export type ParsedPartnerPush = {
  environmentId: string;
  /** null = not sent: the segment's default (`user`) applies. */
  contextKind: string | null;
  /** One per distinct cohort id, in first-seen order. */
  cohorts: ParsedCohort[];
  /** Every member entry seen, valid or not, including `skippedWithoutCohort`. */
  received: number;
  /** Mode A members that name no usable cohort id: skipped, and in no cohort's list. */
  skippedWithoutCohort: SkippedMember[];
};

/**
 * Reads a partner's request body through its integration definition: one engine for every integration.
 * Throws `PartnerPayloadError` when the request as a whole cannot apply; skips (and records) individual bad members.
 */
export function parsePartnerPayload(definition: IntegrationDefinition, body: unknown): ParsedPartnerPush {
  if (!isRecord(body)) throw new PartnerPayloadError("request body must be a JSON object");
  const environmentId = readEnvironmentId(body, definition.environmentId);
  const contextKind = readContextKind(body, definition.contextKind);
  // Mode A keeps a cohort's adds and removes disjoint as it goes (the last item of a key decides).
  const push = new PushBuilder(definition.mode === "A");
  switch (definition.mode) {
    case "A":
      parseModeA(definition, body, push);
      break;
    case "B":
      parseModeB(definition, body, push);
      break;
    case "C":
      parseModeC(definition, body, push);
      break;
  }
  return {
    environmentId,
    contextKind,
    cohorts: Array.from(push.cohorts.values(), toParsedCohort),
    received: push.received,
    skippedWithoutCohort: push.skippedWithoutCohort,
  };
}

type CohortBuilder = {
  readonly cohortId: string;
  cohortName: string | null;
  cohortUrl: string | null;
  urlSeen: boolean;
  cohortDescription: string | null;
  // Two sets rather than one map of key → action: one hash operation per member while only one of them is in use.
  readonly adds: Set<string>;
  readonly removes: Set<string>;
  received: number;
  readonly skipped: SkippedMember[];
  /** The sets never share a key, so the adds need no filtering at the end. */
  readonly disjoint: boolean;
};

class PushBuilder {
  readonly cohorts = new Map<string, CohortBuilder>();
  readonly skippedWithoutCohort: SkippedMember[] = [];
  received = 0;

  constructor(private readonly disjointLists: boolean) {}

  cohort(cohortId: string): CohortBuilder {
    let cohort = this.cohorts.get(cohortId);
    if (cohort === undefined) {
      cohort = {
        cohortId,
        cohortName: null,
        cohortUrl: null,
        urlSeen: false,
        cohortDescription: null,
        adds: new Set(),
        removes: new Set(),
        received: 0,
        skipped: [],
        disjoint: this.disjointLists,
      };
      this.cohorts.set(cohortId, cohort);
    }
    return cohort;
  }
}

function parseModeA(definition: ModeADefinition, body: JsonObject, push: PushBuilder): void {
  const members = definition.members;
  const items = readMemberArray(body, members.array);
  checkMemberCount(items.length);
  const batchCohortId =
    definition.cohortId === undefined ? null : readCohortId(body, definition.cohortId, false);
  const idTokens = tokensOf(members.id);
  const valueTokens = tokensOf(members.value);
  let sawInvalidCohortId = false;

  for (const item of items) {
    push.received++;
    const rawId = resolve(item, idTokens);
    let cohortId = batchCohortId;
    if (members.cohortId !== undefined) {
      const rawCohortId = resolveChoice(item, members.cohortId);
      if (rawCohortId !== undefined) {
        const own = normalizeCohortId(rawCohortId);
        if (own === null) {
          sawInvalidCohortId = true;
          push.skippedWithoutCohort.push(skippedMember(rawId, "invalid cohort id"));
          continue;
        }
        cohortId = own;
      }
    }
    if (cohortId === null) {
      push.skippedWithoutCohort.push(skippedMember(rawId, "missing cohort id"));
      continue;
    }

    const cohort = push.cohort(cohortId);
    cohort.received++;
    // A member's own cohort metadata wins over the batch's, which fills the gaps afterwards.
    fillCohortMetadata(cohort, item, members);

    const key = memberKey(rawId);
    if (typeof key !== "string") {
      cohort.skipped.push(skippedMember(rawId, key.reason));
      continue;
    }
    const value = resolve(item, valueTokens);
    if (typeof value !== "boolean") {
      cohort.skipped.push(skippedMember(rawId, "value is not a boolean"));
      continue;
    }
    // Items apply in order, the last one of a key deciding: Twilio Segment sends a user who leaves and rejoins within
    // one batch as a remove followed by an add, and sends nothing more once the user is back in (LD_COMPAT §3).
    if (value) addMemberLastWins(cohort, key);
    else removeMemberLastWins(cohort, key);
  }

  if (batchCohortId !== null) {
    const batchCohort = push.cohorts.get(batchCohortId);
    if (batchCohort !== undefined) fillCohortMetadata(batchCohort, body, definition);
  }
  // Some members lacking a cohort are skipped; a request where none names one lacks the cohort id (LD_COMPAT §3).
  if (push.cohorts.size === 0 && push.skippedWithoutCohort.length > 0) {
    const field = members.cohortId === undefined ? '"cohortId"' : fieldName(members.cohortId);
    throw new PartnerPayloadError(
      sawInvalidCohortId
        ? `invalid ${field} in the items of ${fieldName(members.array)}: ${COHORT_ID_RULE}`
        : `missing ${field} in the items of ${fieldName(members.array)}`,
    );
  }
}

function parseModeB(definition: ModeBDefinition, body: JsonObject, push: PushBuilder): void {
  const members = definition.members;
  const cohortId = readCohortId(body, definition.cohortId, true);
  const adds = readOptionalMemberArray(body, members.add);
  const removes = readOptionalMemberArray(body, members.remove);
  if (adds === null && removes === null) {
    throw new PartnerPayloadError(`missing ${fieldName(members.add)} and ${fieldName(members.remove)}`);
  }
  checkMemberCount((adds?.length ?? 0) + (removes?.length ?? 0));

  const cohort = push.cohort(cohortId);
  fillCohortMetadata(cohort, body, definition);
  const idTokens = tokensOf(members.id);
  if (adds !== null) applyMembers(push, cohort, adds, idTokens, true);
  if (removes !== null) applyMembers(push, cohort, removes, idTokens, false);
}

function parseModeC(definition: ModeCDefinition, body: JsonObject, push: PushBuilder): void {
  const members = definition.members;
  const cohortId = readCohortId(body, definition.cohortId, true);
  const items = readMemberArray(body, members.array);
  const action = resolve(body, tokensOf(members.action));
  if (action === undefined || action === null)
    throw new PartnerPayloadError(`missing ${fieldName(members.action)}`);
  if (typeof action !== "string") {
    throw new PartnerPayloadError(`invalid ${fieldName(members.action)}: must be a string`);
  }
  checkMemberCount(items.length);

  const cohort = push.cohort(cohortId);
  fillCohortMetadata(cohort, body, definition);
  applyMembers(push, cohort, items, tokensOf(members.id), fullMatch(members.addPattern).test(action));
}

function applyMembers(
  push: PushBuilder,
  cohort: CohortBuilder,
  items: readonly unknown[],
  idTokens: readonly string[],
  add: boolean,
): void {
  for (const item of items) {
    push.received++;
    cohort.received++;
    const rawId = resolve(item, idTokens);
    const key = memberKey(rawId);
    if (typeof key !== "string") cohort.skipped.push(skippedMember(rawId, key.reason));
    else if (add) addMember(cohort, key);
    else removeMember(cohort, key);
  }
}

function addMember(cohort: CohortBuilder, key: string): void {
  cohort.adds.add(key);
}

function removeMember(cohort: CohortBuilder, key: string): void {
  cohort.removes.add(key);
}

/** Mode A: keeps the two sets disjoint as it goes, so an add after a remove of the same key wins (and the reverse). */
function addMemberLastWins(cohort: CohortBuilder, key: string): void {
  if (cohort.removes.size !== 0) cohort.removes.delete(key);
  cohort.adds.add(key);
}

function removeMemberLastWins(cohort: CohortBuilder, key: string): void {
  if (cohort.adds.size !== 0) cohort.adds.delete(key);
  cohort.removes.add(key);
}

/** Modes B and C apply adds, then removes: a key in both ends up removed (`toParsedCohort` drops it from the adds). */
function toParsedCohort(cohort: CohortBuilder): ParsedCohort {
  const { adds, removes } = cohort;
  const add =
    removes.size === 0 || cohort.disjoint
      ? Array.from(adds)
      : Array.from(adds).filter((key) => !removes.has(key));
  const remove = Array.from(removes);
  return {
    cohortId: cohort.cohortId,
    cohortName: cohort.cohortName,
    cohortUrl: cohort.cohortUrl,
    cohortDescription: cohort.cohortDescription,
    add,
    remove,
    received: cohort.received,
    skipped: cohort.skipped,
  };
}

type CohortMetadataPointers = {
  readonly cohortName?: JsonPointerChoice;
  readonly cohortUrl?: JsonPointerChoice;
  readonly cohortDescription?: JsonPointerChoice;
};

/** Fills only what is still unknown, so the first source that names a field wins (and stops further lookups). */
function fillCohortMetadata(cohort: CohortBuilder, source: unknown, pointers: CohortMetadataPointers): void {
  if (cohort.cohortName === null && pointers.cohortName !== undefined) {
    cohort.cohortName = textOrNull(resolveChoice(source, pointers.cohortName));
  }
  if (!cohort.urlSeen && pointers.cohortUrl !== undefined) {
    const rawUrl = resolveChoice(source, pointers.cohortUrl);
    if (rawUrl !== undefined) {
      cohort.urlSeen = true;
      cohort.cohortUrl = linkOrNull(rawUrl);
    }
  }
  if (cohort.cohortDescription === null && pointers.cohortDescription !== undefined) {
    cohort.cohortDescription = textOrNull(resolveChoice(source, pointers.cohortDescription));
  }
}

function checkMemberCount(count: number): void {
  if (count > MAX_MEMBERS_PER_REQUEST) {
    throw new PartnerPayloadError(
      `too many members: ${count} (at most ${MAX_MEMBERS_PER_REQUEST} per request)`,
    );
  }
}

function readEnvironmentId(body: JsonObject, pointers: JsonPointerChoice): string {
  const raw = resolveChoice(body, pointers);
  if (raw === undefined) throw new PartnerPayloadError(`missing ${fieldName(pointers)}`);
  if (typeof raw !== "string" || raw.length === 0) {
    throw new PartnerPayloadError(`invalid ${fieldName(pointers)}: must be a non-empty string`);
  }
  return raw;
}

function readContextKind(body: JsonObject, pointers: JsonPointerChoice | undefined): string | null {
  if (pointers === undefined) return null;
  const raw = resolveChoice(body, pointers);
  // Tools fill an unset optional field with "": like LaunchDarkly, read it as "not sent".
  if (raw === undefined || raw === "") return null;
  if (typeof raw !== "string" || !CONTEXT_KIND.test(raw) || raw === "kind" || raw === "multi") {
    throw new PartnerPayloadError(
      `invalid ${fieldName(pointers)}: must be letters, digits, ".", "_" or "-", and not "kind" or "multi"`,
    );
  }
  return raw;
}

const COHORT_ID_RULE = `must be a non-empty string of at most ${MAX_KEY_CODE_POINTS} characters without control characters or unpaired surrogates, or an integer`;

function readCohortId(body: JsonObject, pointers: JsonPointerChoice, required: true): string;
function readCohortId(body: JsonObject, pointers: JsonPointerChoice, required: boolean): string | null;
function readCohortId(body: JsonObject, pointers: JsonPointerChoice, required: boolean): string | null {
  const raw = resolveChoice(body, pointers);
  if (raw === undefined) {
    if (required) throw new PartnerPayloadError(`missing ${fieldName(pointers)}`);
    return null;
  }
  const cohortId = normalizeCohortId(raw);
  if (cohortId === null) throw new PartnerPayloadError(`invalid ${fieldName(pointers)}: ${COHORT_ID_RULE}`);
  return cohortId;
}

/** A cohort id follows the context-key rules, so it can go into a segment key and a URL safely. */
function normalizeCohortId(raw: unknown): string | null {
  if (typeof raw === "number") return Number.isInteger(raw) ? integerString(raw) : null;
  if (typeof raw !== "string") return null;
  const checked = checkKeyString(raw);
  return typeof checked === "string" ? checked : null;
}

function readMemberArray(body: JsonObject, pointer: JsonPointer): readonly unknown[] {
  const raw = resolve(body, tokensOf(pointer));
  if (raw === undefined || raw === null) throw new PartnerPayloadError(`missing ${fieldName(pointer)}`);
  if (!Array.isArray(raw)) throw new PartnerPayloadError(`invalid ${fieldName(pointer)}: must be an array`);
  const items: readonly unknown[] = raw;
  return items;
}

function readOptionalMemberArray(body: JsonObject, pointer: JsonPointer): readonly unknown[] | null {
  const raw = resolve(body, tokensOf(pointer));
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) throw new PartnerPayloadError(`invalid ${fieldName(pointer)}: must be an array`);
  const items: readonly unknown[] = raw;
  return items;
}

type KeyProblem = { readonly reason: string };

// Shared instances: a member check allocates nothing, which keeps 100,000 members cheap.
const MISSING_ID: KeyProblem = { reason: "missing id" };
const NOT_A_STRING: KeyProblem = { reason: "not a string" };
const NOT_AN_INTEGER: KeyProblem = { reason: "not an integer" };
const EMPTY: KeyProblem = { reason: "empty" };
const TOO_LONG: KeyProblem = { reason: `longer than ${MAX_KEY_CODE_POINTS} characters` };
const CONTROL_CHARACTERS: KeyProblem = { reason: "contains control characters" };
const LONE_SURROGATE: KeyProblem = { reason: "contains an unpaired surrogate" };

/** The context key for a raw member id, or why it is skipped. */
function memberKey(raw: unknown): string | KeyProblem {
  if (typeof raw === "string") return checkKeyString(raw);
  if (raw === undefined || raw === null) return MISSING_ID;
  if (typeof raw === "number") return Number.isInteger(raw) ? integerString(raw) : NOT_AN_INTEGER;
  return NOT_A_STRING;
}

function checkKeyString(value: string): string | KeyProblem {
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

function skippedMember(rawId: unknown, reason: string): SkippedMember {
  const text = typeof rawId === "string" ? rawId : rawId === undefined ? "" : stringify(rawId);
  return { id: storable(text.slice(0, codePointPrefixLength(text, RECORDED_ID_CODE_POINTS))), reason };
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

function textOrNull(raw: unknown): string | null {
  return typeof raw === "string" && raw.length > 0 ? storable(raw) : null;
}

function linkOrNull(raw: unknown): string | null {
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

const compiledPatterns = new Map<string, RegExp>();

function fullMatch(source: string): RegExp {
  let pattern = compiledPatterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(`^(?:${source})$`, "u");
    compiledPatterns.set(source, pattern);
  }
  return pattern;
}
