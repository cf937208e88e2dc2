-- Staging for CSV imports (lib/server/imports/*), created at run time before this migration existed: IF NOT EXISTS
-- keeps databases that already have them. UNLOGGED because a crash may lose uncommitted uploads (the user uploads
-- again) and WAL for millions of staged keys would be wasted work.
CREATE UNLOGGED TABLE IF NOT EXISTS "segment_import" (
    "id" UUID NOT NULL,
    "segment_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "staged" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),
    "sync_run_id" UUID,

    CONSTRAINT "segment_import_pkey" PRIMARY KEY ("id")
);

CREATE UNLOGGED TABLE IF NOT EXISTS "segment_import_key" (
    "import_id" UUID NOT NULL,
    "context_key" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "segment_import_key_pkey" PRIMARY KEY ("import_id","context_key"),
    CONSTRAINT "segment_import_key_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "segment_import"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
