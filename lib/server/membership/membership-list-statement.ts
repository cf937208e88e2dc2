import "server-only";
import {
  sqlStatement,
  type ParameterCasts,
  type Placeholders,
  type SqlStatement,
} from "@/lib/server/sql/sql-statement";

export type MembershipTable = "segment_member" | "segment_exclusion";

/** The list an outbox row records a change of: the store worker then writes only that set of each key. */
const OUTBOX_LIST = { segment_member: "included", segment_exclusion: "excluded" } satisfies Record<
  MembershipTable,
  string
>;

/** Outbox rows carry at most this many keys, so the store worker reads a bounded amount per row. */
const OUTBOX_CHUNK = 10_000;

export type MembershipListParams = {
  segmentId: number;
  /** The keys to remove, as a JSON array. */
  removeKeysJson: string;
  /** The keys to add, as a JSON array. */
  addKeysJson: string;
  appliedAt: Date;
  syncRunId: string;
  environmentId: string;
  /** The segment's store reference, for the outbox rows. */
  segmentRef: string;
};

const MEMBERSHIP_LIST_CASTS: ParameterCasts<MembershipListParams> = {
  segmentId: "",
  removeKeysJson: "::json",
  addKeysJson: "::json",
  appliedAt: "",
  syncRunId: "",
  environmentId: "",
  segmentRef: "",
};

/**
 * One list (included or excluded) of one segment in one statement and one round trip. The keys travel as JSON text
 * (serialized natively, unlike a `text[]` parameter) and are deduplicated in SQL, a key both added and removed only
 * removed (api-contract §3). Adds are inserted in the key column's sort order: index locality, and two transactions that
 * insert overlapping keys wait for each other in one direction only, so they cannot deadlock over them. The changed keys
 * go to the outbox from inside the statement (no transfer back to Node.js), only when the environment has an enabled store,
 * with the list they changed in.
 *
 * `skipExisting: false` leaves out `ON CONFLICT DO NOTHING`, and a key already in the list then fails the statement with
 * a unique violation. It is the cheaper statement when every key is new: `ON CONFLICT` probes the index once for the
 * conflict check and again to insert, a plain insert once (measured: 10 instead of 15-16 ms of PostgreSQL CPU per 1,000
 * new keys into a 1,000,000-member segment).
 *
 * `distinctKeys: true` is for lists already free of duplicates, adds and removes disjoint (a partner push, deduplicated
 * while parsing): the statement then neither deduplicates nor reports how many keys were asked for, which the caller
 * knows (about 1 of 5.5 ms of PostgreSQL's time for 1,000 new keys, in `EXPLAIN ANALYZE`).
 */
export function membershipListStatement(
  table: MembershipTable,
  options: { skipExisting: boolean; distinctKeys?: boolean },
): SqlStatement<MembershipListParams> {
  const name = `tributary_membership_list_${table}${options.distinctKeys ? "_distinct" : ""}${options.skipExisting ? "" : "_all_new"}`;
  return sqlStatement(name, MEMBERSHIP_LIST_CASTS, (p) => membershipListSql(table, options, p));
}

function membershipListSql(
  table: MembershipTable,
  options: { skipExisting: boolean; distinctKeys?: boolean },
  p: Placeholders<MembershipListParams>,
): string {
  const removes = options.distinctKeys
    ? `SELECT json_array_elements_text(${p.removeKeysJson})`
    : "SELECT k FROM removes";
  const adds = options.distinctKeys ? `json_array_elements_text(${p.addKeysJson}) AS adds(k)` : "adds";
  const requested = options.distinctKeys
    ? ""
    : "(SELECT count(*) FROM removes)::int + (SELECT count(*) FROM adds)::int AS requested,";
  const deduplicated = options.distinctKeys
    ? "WITH"
    : `WITH removes AS (
      SELECT DISTINCT k FROM json_array_elements_text(${p.removeKeysJson}) AS k
    ), adds AS (
      SELECT DISTINCT a.k FROM json_array_elements_text(${p.addKeysJson}) AS a(k)
      WHERE NOT EXISTS (SELECT 1 FROM removes r WHERE r.k = a.k)
    ),`;
  return `
    ${deduplicated} removed AS (
      DELETE FROM ${table} WHERE segment_id = ${p.segmentId} AND context_key = ANY (ARRAY(${removes}))
      RETURNING context_key
    ), added AS (
      INSERT INTO ${table} (segment_id, context_key, added_at, sync_run_id)
      SELECT ${p.segmentId}, k, ${p.appliedAt}, ${p.syncRunId} FROM ${adds} ORDER BY k COLLATE "C"
      ${options.skipExisting ? "ON CONFLICT DO NOTHING" : ""}
      RETURNING context_key
    ), outbox AS (
      INSERT INTO membership_outbox (environment_id, segment_id, segment_ref, context_keys, list)
      SELECT ${p.environmentId}, ${p.segmentId}, ${p.segmentRef}, array_agg(context_key), '${OUTBOX_LIST[table]}'
      FROM (
        SELECT context_key, (row_number() OVER () - 1) / ${OUTBOX_CHUNK} AS chunk
        FROM (SELECT context_key FROM removed UNION ALL SELECT context_key FROM added) changed
      ) numbered
      WHERE EXISTS (SELECT 1 FROM store_integration WHERE environment_id = ${p.environmentId} AND "on")
      GROUP BY chunk
    )
    SELECT ${requested}
           (SELECT count(*) FROM added)::int AS added,
           (SELECT count(*) FROM removed)::int AS removed`;
}
