-- CreateTable
CREATE TABLE "store_integration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "integration_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "on" BOOLEAN NOT NULL DEFAULT true,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "config" JSONB NOT NULL,
    "password" TEXT,
    "outbox_cursor" BIGINT NOT NULL DEFAULT 0,
    "needs_full_sync" BOOLEAN NOT NULL DEFAULT true,
    "last_sync_at" TIMESTAMPTZ(3),
    "last_error_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership_outbox" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "environment_id" UUID NOT NULL,
    "segment_id" INTEGER NOT NULL,
    "segment_ref" TEXT NOT NULL,
    "context_keys" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "store_integration_environment_id_idx" ON "store_integration"("environment_id");

-- CreateIndex
CREATE INDEX "membership_outbox_environment_id_txid_idx" ON "membership_outbox"("environment_id", "txid");
