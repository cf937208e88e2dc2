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
import {
  COHORT_ID_RULE,
  partnerContextKey,
  normalizeCohortId,
  skippedMember,
  type SkippedMember,
} from "@/lib/server/sync/partner-context-key";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";
import {
  addMemberLastWins,
  applyMembers,
  fillCohortMetadata,
  PushBuilder,
  removeMemberLastWins,
  toParsedCohort,
  type ParsedCohort,
} from "@/lib/server/sync/partner-push-builder";

export type { ParsedCohort } from "@/lib/server/sync/partner-push-builder";
export type { SkippedMember } from "@/lib/server/sync/partner-context-key";

/** api-contract §7: counts every add, remove and skipped member entry across all cohorts of one request. */
export const MAX_MEMBERS_PER_REQUEST = 100_000;

/** LaunchDarkly's context kind alphabet. */
const CONTEXT_KIND = /^[A-Za-z0-9._-]+$/;

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
          push.skippedWithoutCohort.push(skippedMember(rawId, "invalid cohort id", push.received));
          continue;
        }
        cohortId = own;
      }
    }
    if (cohortId === null) {
      push.skippedWithoutCohort.push(skippedMember(rawId, "missing cohort id", push.received));
      continue;
    }

    const cohort = push.cohort(cohortId);
    cohort.received++;
    // A member's own cohort metadata wins over the batch's, which fills the gaps afterwards.
    fillCohortMetadata(cohort, item, members);

    const key = partnerContextKey(rawId);
    if (typeof key !== "string") {
      cohort.skipped.push(skippedMember(rawId, key.reason, push.received));
      continue;
    }
    const value = resolve(item, valueTokens);
    if (typeof value !== "boolean") {
      cohort.skipped.push(skippedMember(rawId, "value is not a boolean", push.received));
      continue;
    }
    // Items apply in order, the last one of a key deciding: Twilio Segment sends a user who leaves and rejoins within
    // one batch as a remove followed by an add, and sends nothing more once the user is back in (api-contract §3).
    if (value) addMemberLastWins(cohort, key);
    else removeMemberLastWins(cohort, key);
  }

  if (batchCohortId !== null) {
    const batchCohort = push.cohorts.get(batchCohortId);
    if (batchCohort !== undefined) fillCohortMetadata(batchCohort, body, definition);
  }
  // Some members lacking a cohort are skipped; a request where none names one lacks the cohort id (api-contract §3).
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

const compiledPatterns = new Map<string, RegExp>();

function fullMatch(source: string): RegExp {
  let pattern = compiledPatterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(`^(?:${source})$`, "u");
    compiledPatterns.set(source, pattern);
  }
  return pattern;
}
