import "server-only";
import { recordSegmentGenerationStatement } from "@/lib/server/sync/record-segment-generation-statement";
import { lockCohortSegmentsStatement } from "@/lib/server/sync/lock-cohort-segments-statement";
import { selectTakenSegmentKeysStatement } from "@/lib/server/sync/select-taken-segment-keys-statement";
import type { PoolClient } from "pg";
import { ApiError } from "@/lib/server/api/errors";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { TransactionConflict } from "@/lib/server/transactions/transaction-conflict";
import { deriveSegmentKey } from "@/lib/server/sync/derive-segment-key";
import { insertCohortSegmentStatement } from "@/lib/server/sync/insert-cohort-segment-statement";
import { updateCohortSegmentSettingsStatement } from "@/lib/server/sync/update-cohort-segment-settings-statement";
import type { PartnerEnvironment } from "@/lib/server/sync/find-environment-by-client-side-id";
import type { ParsedCohort, ParsedPartnerPush } from "@/lib/server/sync/parse-partner-payload";

const DEFAULT_CONTEXT_KIND = "user";
const MAX_NAME_CODE_POINTS = 256;

export type CohortSegment = {
  cohort: ParsedCohort;
  segmentId: number;
  segmentKey: string;
  segmentName: string;
  tags: string[];
  /** Locked `FOR KEY SHARE` (or created) by this transaction. */
  generation: number;
  created: boolean;
  /** The previous name when this sync renamed the segment. */
  renamedFrom: string | null;
};

/** What the push was about, known before any check: lets a refused push be recorded as a failed sync run. */
export type CohortSegmentPlan = {
  segmentKeys: string[];
  existing: { id: number; includedCount: number }[];
};

export type CohortSegmentRequest = {
  integrationKey: string;
  environment: PartnerEnvironment;
  push: ParsedPartnerPush;
  /** null: the system (seed), which is not subject to policies. */
  principal: Principal | null;
  onPlanned: (plan: CohortSegmentPlan) => void;
};

type ExistingSegment = {
  id: number;
  key: string;
  name: string;
  tags: string[] | null;
  unbounded_context_kind: string;
  external_link: string | null;
  external_cohort_id: string;
  name_edited_by_hand: boolean;
  external_name: string | null;
  included_count: number;
  generation: number;
};

function cutCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join("");
}

function cohortName(cohort: ParsedCohort): string | null {
  const name = cohort.cohortName?.trim();
  return name ? cutCodePoints(name, MAX_NAME_CODE_POINTS) : null;
}

function compareCohortIds(a: ParsedCohort, b: ParsedCohort): number {
  return a.cohortId < b.cohortId ? -1 : a.cohortId > b.cohortId ? 1 : 0;
}

/** Keys for the cohorts that have no segment yet, free in the environment and distinct from each other. */
async function deriveNewKeys(
  client: PoolClient,
  environmentId: string,
  integrationKey: string,
  cohorts: readonly ParsedCohort[],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  if (cohorts.length === 0) return keys;
  const candidates = cohorts.flatMap((cohort) => [
    deriveSegmentKey(integrationKey, cohort.cohortId, () => false),
    deriveSegmentKey(integrationKey, cohort.cohortId, () => true),
  ]);
  const takenRows = await client.query<{ key: string }>(
    selectTakenSegmentKeysStatement.query({ environmentId, candidateKeys: candidates }),
  );
  const taken = new Set(takenRows.rows.map((row) => row.key));
  for (const cohort of cohorts) {
    const key = deriveSegmentKey(integrationKey, cohort.cohortId, (candidate) => taken.has(candidate));
    if (taken.has(key)) {
      throw new ApiError(
        "conflict",
        `No free segment key for cohort "${cohort.cohortId}": "${key}" is taken`,
      );
    }
    taken.add(key);
    keys.set(cohort.cohortId, key);
  }
  return keys;
}

async function createSegment(
  client: PoolClient,
  request: CohortSegmentRequest,
  cohort: ParsedCohort,
  key: string,
  contextKind: string,
): Promise<{ id: number; name: string; generation: number }> {
  const environmentId = request.environment.id;
  const name = cohortName(cohort) ?? cutCodePoints(cohort.cohortId, MAX_NAME_CODE_POINTS);
  const now = new Date();
  const inserted = await client.query<{ id: number; generation: number }>(
    insertCohortSegmentStatement.query({
      environmentId,
      key,
      name,
      externalName: cohortName(cohort),
      description: cohort.cohortDescription,
      contextKind,
      integrationKey: request.integrationKey,
      cohortUrl: cohort.cohortUrl,
      cohortId: cohort.cohortId,
      now,
    }),
  );
  const row = inserted.rows[0];
  if (row === undefined) {
    throw new TransactionConflict(`segment "${key}" was created concurrently`);
  }
  await client.query(
    recordSegmentGenerationStatement.query({ environmentId, segmentKey: key, generation: row.generation }),
  );
  return { id: row.id, name, generation: row.generation };
}

/**
 * Settings ownership (api-contract §2): a sync renames the segment to the cohort's new name until a person has edited the
 * name, and follows the cohort's URL. The tool's name is kept either way, so a person can take it back. `version` counts
 * settings changes, so it moves only when the name does.
 */
async function updateSettings(
  client: PoolClient,
  segment: ExistingSegment,
  cohort: ParsedCohort,
): Promise<{ name: string; renamedFrom: string | null }> {
  const wanted = cohortName(cohort);
  const rename = wanted !== null && !segment.name_edited_by_hand && wanted !== segment.name;
  const relink = cohort.cohortUrl !== null && cohort.cohortUrl !== segment.external_link;
  const renamedByTool = wanted !== null && wanted !== segment.external_name;
  if (!rename && !relink && !renamedByTool) return { name: segment.name, renamedFrom: null };
  const name = rename ? wanted : segment.name;
  await client.query(
    updateCohortSegmentSettingsStatement.query({
      segmentId: segment.id,
      name,
      externalLink: relink ? cohort.cohortUrl : segment.external_link,
      externalName: wanted ?? segment.external_name,
      renamed: rename,
      now: new Date(),
    }),
  );
  return { name, renamedFrom: rename ? segment.name : null };
}

/**
 * Finds or creates the segment of every cohort of a partner push (api-contract §3), inside the push's transaction. Every
 * check (policy, context kind) runs before the first write, so a refused push leaves nothing behind. Existing segments
 * are locked `FOR KEY SHARE` until the transaction ends: they cannot be deleted meanwhile, but other pushes to them
 * proceed in parallel (the membership engine serializes only their final counter update).
 */
export async function resolveCohortSegments(
  client: PoolClient,
  request: CohortSegmentRequest,
): Promise<CohortSegment[]> {
  const { environment, push, principal, integrationKey } = request;
  const found = await client.query<ExistingSegment>(
    lockCohortSegmentsStatement.query({
      environmentId: environment.id,
      integrationKey,
      cohortIds: push.cohorts.map((cohort) => cohort.cohortId),
    }),
  );
  const existing = new Map(found.rows.map((row) => [row.external_cohort_id, row]));
  const missing = push.cohorts.filter((cohort) => !existing.has(cohort.cohortId)).sort(compareCohortIds);
  const newKeys = await deriveNewKeys(client, environment.id, integrationKey, missing);
  const keyOf = (cohort: ParsedCohort): string =>
    existing.get(cohort.cohortId)?.key ?? newKeys.get(cohort.cohortId) ?? "";
  request.onPlanned({
    segmentKeys: push.cohorts.map(keyOf),
    existing: found.rows.map((row) => ({ id: row.id, includedCount: row.included_count })),
  });

  if (principal) {
    for (const cohort of push.cohorts) {
      const segment = existing.get(cohort.cohortId);
      const resource = segmentResource(environment.project, environment, {
        key: keyOf(cohort),
        tags: segment?.tags ?? [],
      });
      if (!segment) assertAccess(principal, "createSegment", resource);
      assertAccess(principal, "updateIncluded", resource);
    }
  }
  const contextKind = push.contextKind ?? DEFAULT_CONTEXT_KIND;
  for (const segment of found.rows) {
    if (segment.unbounded_context_kind !== contextKind) {
      throw new ApiError(
        "invalid_request",
        `Context kind "${contextKind}" does not match segment "${segment.key}", whose context kind is "${segment.unbounded_context_kind}"`,
      );
    }
  }

  const created = new Map<string, { id: number; name: string; generation: number }>();
  for (const cohort of missing) {
    created.set(cohort.cohortId, await createSegment(client, request, cohort, keyOf(cohort), contextKind));
  }
  const segments: CohortSegment[] = [];
  for (const cohort of push.cohorts) {
    const segment = existing.get(cohort.cohortId);
    if (segment) {
      const { name, renamedFrom } = await updateSettings(client, segment, cohort);
      segments.push({
        cohort,
        segmentId: segment.id,
        segmentKey: segment.key,
        segmentName: name,
        tags: segment.tags ?? [],
        generation: segment.generation,
        created: false,
        renamedFrom,
      });
    } else {
      const made = created.get(cohort.cohortId);
      if (!made) throw new Error(`cohort ${cohort.cohortId} has no segment`);
      segments.push({
        cohort,
        segmentId: made.id,
        segmentKey: keyOf(cohort),
        segmentName: made.name,
        tags: [],
        generation: made.generation,
        created: true,
        renamedFrom: null,
      });
    }
  }
  return segments;
}
