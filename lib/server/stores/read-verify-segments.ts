import "server-only";
import type pg from "pg";
import { selectVerifySegmentsStatement } from "@/lib/server/stores/select-verify-segments-statement";
import type { VerifySegment } from "@/lib/server/stores/store-verification-types";

/** The environment's segments with their refs and list sizes. */
export async function readVerifySegments(db: pg.ClientBase, environmentId: string): Promise<VerifySegment[]> {
  const { rows } = await db.query<{
    id: number;
    key: string;
    ref: string;
    included_count: number;
    excluded_count: number;
  }>(selectVerifySegmentsStatement.query({ environmentId }));
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    ref: row.ref,
    includedCount: row.included_count,
    excludedCount: row.excluded_count,
  }));
}
