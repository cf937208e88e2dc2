import "server-only";
import type { PoolClient } from "pg";
import {
  membershipListStatement,
  type MembershipListParams,
  type MembershipTable,
} from "@/lib/server/membership/membership-list-statement";
import type { KeyListChange } from "@/lib/server/membership/membership-run-types";
import { recentMembershipConflicts } from "@/lib/server/membership/recent-membership-conflicts";
import { TransactionConflict } from "@/lib/server/transactions/transaction-conflict";

export type ListOutcome = { added: number; removed: number; requested: number };

type ListStatements = {
  allNew: ReturnType<typeof membershipListStatement>;
  skipExisting: ReturnType<typeof membershipListStatement>;
};

function listStatements(table: MembershipTable, distinctKeys: boolean): ListStatements {
  return {
    allNew: membershipListStatement(table, { skipExisting: false, distinctKeys }),
    skipExisting: membershipListStatement(table, { skipExisting: true, distinctKeys }),
  };
}

const LIST_STATEMENTS = {
  segment_member: {
    any: listStatements("segment_member", false),
    distinct: listStatements("segment_member", true),
  },
  segment_exclusion: {
    any: listStatements("segment_exclusion", false),
    distinct: listStatements("segment_exclusion", true),
  },
} satisfies Record<MembershipTable, { any: ListStatements; distinct: ListStatements }>;

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === UNIQUE_VIOLATION;
}

/** How JSON.stringify writes a lone surrogate (paired ones stay as they are); PostgreSQL's JSON parser refuses it. */
const ESCAPED_SURROGATE = /\\ud[89a-f][0-9a-f]{2}/i;

/**
 * The keys as a JSON array. A lone surrogate becomes U+FFFD, which is what the UTF-8 encoding of a text parameter made of
 * it before, instead of an error from PostgreSQL; two keys may then become one, so `rewritten` says it happened.
 */
function keysJson(keys: readonly string[]): { json: string; rewritten: boolean } {
  const json = JSON.stringify(keys);
  return ESCAPED_SURROGATE.test(json)
    ? { json: JSON.stringify(keys.map((key) => key.toWellFormed())), rewritten: true }
    : { json, rewritten: false };
}

export type ListRun = {
  syncRunId: string;
  appliedAt: Date;
  environmentId: string;
  segmentId: number;
  segmentRef: string;
};

/**
 * Adds are first tried as all new (one index probe per key instead of two). When a key is already there, the statement
 * fails with a unique violation; the list is remembered as one that meets existing keys, and the whole transaction is
 * run again (`runSqlTransaction`), this time with `ON CONFLICT DO NOTHING`. Nothing of the first attempt remains.
 */
export async function applyList(
  client: PoolClient,
  table: MembershipTable,
  change: KeyListChange | undefined,
  run: ListRun,
): Promise<ListOutcome> {
  const add = change?.add ?? [];
  const remove = change?.remove ?? [];
  if (add.length === 0 && remove.length === 0) return { added: 0, removed: 0, requested: 0 };
  const removeJson = keysJson(remove);
  const addJson = keysJson(add);
  const distinct = change?.distinct === true && !removeJson.rewritten && !addJson.rewritten;
  const params: MembershipListParams = {
    segmentId: run.segmentId,
    removeKeysJson: removeJson.json,
    addKeysJson: addJson.json,
    appliedAt: run.appliedAt,
    syncRunId: run.syncRunId,
    environmentId: run.environmentId,
    segmentRef: run.segmentRef,
  };
  const statements = distinct ? LIST_STATEMENTS[table].distinct : LIST_STATEMENTS[table].any;
  const outcome = (rows: readonly ListOutcome[]): ListOutcome => {
    const row = firstRow(rows);
    return distinct ? { added: row.added, removed: row.removed, requested: add.length + remove.length } : row;
  };
  const list = `${table}:${run.segmentId}`;
  if (add.length > 0 && !recentMembershipConflicts.isRecent(list)) {
    try {
      const result = await client.query<ListOutcome>(statements.allNew.query(params));
      return outcome(result.rows);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      recentMembershipConflicts.remember(list);
      throw new TransactionConflict(`${table} of segment ${run.segmentId} already holds some of the keys`, {
        backoff: false,
      });
    }
  }
  const result = await client.query<ListOutcome>(statements.skipExisting.query(params));
  return outcome(result.rows);
}

function firstRow(rows: readonly ListOutcome[]): ListOutcome {
  const row = rows[0];
  if (row === undefined) throw new Error("the membership statement returned no row");
  return row;
}
