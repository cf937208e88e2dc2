-- Refused partner pushes and membership requests, so an engineer debugging a partner has something to look at. Bounded:
-- above a rate per minute, refusals add to one aggregate row per minute (bucket_key), and rows expire after 7 days.
CREATE TABLE "rejected_push" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID,
    "integration_key" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "reason_code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "token_id" UUID,
    "token_name" TEXT,
    "token_ending" TEXT,
    "client_side_id" TEXT,
    "member_sample" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "count" INTEGER NOT NULL DEFAULT 1,
    "bucket_key" TEXT,
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_push_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "rejected_push_bucket_key_key" ON "rejected_push"("bucket_key");

CREATE INDEX "rejected_push_environment_id_last_at_id_idx" ON "rejected_push"("environment_id", "last_at" DESC, "id" DESC);

CREATE INDEX "rejected_push_last_at_idx" ON "rejected_push"("last_at");

ALTER TABLE "rejected_push" ADD CONSTRAINT "rejected_push_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
