import type { JsonPointerChoice } from "@/lib/server/sync/integrations/types";
import { resolve, resolveChoice } from "@/lib/server/sync/json-pointer";
import {
  linkOrNull,
  partnerContextKey,
  skippedMember,
  textOrNull,
  type SkippedMember,
} from "@/lib/server/sync/partner-context-key";

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

export type CohortBuilder = {
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

export class PushBuilder {
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

export function applyMembers(
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
    const key = partnerContextKey(rawId);
    if (typeof key !== "string") cohort.skipped.push(skippedMember(rawId, key.reason, push.received));
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
export function addMemberLastWins(cohort: CohortBuilder, key: string): void {
  if (cohort.removes.size !== 0) cohort.removes.delete(key);
  cohort.adds.add(key);
}

export function removeMemberLastWins(cohort: CohortBuilder, key: string): void {
  if (cohort.adds.size !== 0) cohort.adds.delete(key);
  cohort.removes.add(key);
}

/** Modes B and C apply adds, then removes: a key in both ends up removed (`toParsedCohort` drops it from the adds). */
export function toParsedCohort(cohort: CohortBuilder): ParsedCohort {
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
export function fillCohortMetadata(
  cohort: CohortBuilder,
  source: unknown,
  pointers: CohortMetadataPointers,
): void {
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
