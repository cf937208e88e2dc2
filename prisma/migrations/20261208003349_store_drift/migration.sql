-- The store worker verifies each Redis store against PostgreSQL: when it last did so, and, while drift it found is not
-- yet repaired, when it found it, why, and which segments it resyncs.
ALTER TABLE "store_integration" ADD COLUMN "verified_at" TIMESTAMPTZ(3),
ADD COLUMN "drift_detected_at" TIMESTAMPTZ(3),
ADD COLUMN "drift_reason" TEXT,
ADD COLUMN "drift_segment_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
