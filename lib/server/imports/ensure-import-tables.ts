import "server-only";
import { pgPool } from "@/lib/server/db";

// Staging for CSV imports. Not in prisma/schema.prisma: it is scratch space, not data. UNLOGGED because a crash may lose
// uncommitted uploads (the user uploads again) and WAL for millions of staged keys would be wasted work.
const DDL = `
CREATE UNLOGGED TABLE IF NOT EXISTS segment_import (
  id uuid PRIMARY KEY,
  segment_id int NOT NULL,
  mode text NOT NULL,
  owner text NOT NULL,
  received int NOT NULL DEFAULT 0,
  staged int NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  committed_at timestamptz(3),
  sync_run_id uuid
);
CREATE UNLOGGED TABLE IF NOT EXISTS segment_import_key (
  import_id uuid NOT NULL REFERENCES segment_import (id) ON DELETE CASCADE,
  context_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (import_id, context_key)
);`;

/** duplicate_table, unique_violation (pg_type): another process created the tables between our check and our CREATE. */
const CONCURRENT_CREATE = new Set(["42P07", "23505"]);

let ready: Promise<void> | null = null;

async function create(): Promise<void> {
  try {
    await pgPool().query(DDL);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : null;
    if (typeof code !== "string" || !CONCURRENT_CREATE.has(code)) throw error;
  }
}

/** Creates the staging tables on first use, once per process. */
export function ensureImportTables(): Promise<void> {
  ready ??= create().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}
