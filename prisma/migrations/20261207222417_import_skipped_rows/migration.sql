-- A CSV import skips rows that are not valid context keys (as partner syncs skip bad member ids) instead of failing:
-- it counts them and keeps each one's reason and line until the commit records them in the sync run.
ALTER TABLE "segment_import" ADD COLUMN "skipped" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "skipped_rows" JSONB NOT NULL DEFAULT '[]';
