-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "client_side_id" CHAR(24) NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment" (
    "id" SERIAL NOT NULL,
    "environment_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "unbounded" BOOLEAN NOT NULL DEFAULT false,
    "unbounded_context_kind" TEXT NOT NULL DEFAULT 'user',
    "external" TEXT,
    "external_link" TEXT,
    "external_cohort_id" TEXT,
    "name_edited_by_hand" BOOLEAN NOT NULL DEFAULT false,
    "description_edited_by_hand" BOOLEAN NOT NULL DEFAULT false,
    "tags_edited_by_hand" BOOLEAN NOT NULL DEFAULT false,
    "included_count" INTEGER NOT NULL DEFAULT 0,
    "excluded_count" INTEGER NOT NULL DEFAULT 0,
    "membership_last_modified" TIMESTAMPTZ(3),
    "last_sync_at" TIMESTAMPTZ(3),
    "last_sync_status" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_generation" (
    "environment_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,

    CONSTRAINT "segment_generation_pkey" PRIMARY KEY ("environment_id","key")
);

-- CreateTable
CREATE TABLE "segment_member" (
    "segment_id" INTEGER NOT NULL,
    "context_key" TEXT COLLATE "C" NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sync_run_id" UUID,

    CONSTRAINT "segment_member_pkey" PRIMARY KEY ("segment_id","context_key")
);

-- CreateTable
CREATE TABLE "segment_exclusion" (
    "segment_id" INTEGER NOT NULL,
    "context_key" TEXT COLLATE "C" NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sync_run_id" UUID,

    CONSTRAINT "segment_exclusion_pkey" PRIMARY KEY ("segment_id","context_key")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "environment_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duration_ms" INTEGER NOT NULL DEFAULT 0,
    "token_id" UUID,
    "token_name" TEXT,
    "token_ending" TEXT,
    "member_email" TEXT,
    "segment_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "received" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "skipped_members" JSONB NOT NULL DEFAULT '[]',
    "skipped_truncated" BOOLEAN NOT NULL DEFAULT false,
    "error_code" TEXT,
    "error_message" TEXT,
    "included_count_after" INTEGER,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_run_segment" (
    "sync_run_id" UUID NOT NULL,
    "segment_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "added" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "included_count_after" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sync_run_segment_pkey" PRIMARY KEY ("sync_run_id","segment_id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'reader',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "custom_role" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "policy" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custom_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_custom_role" (
    "member_id" UUID NOT NULL,
    "custom_role_id" UUID NOT NULL,

    CONSTRAINT "member_custom_role_pkey" PRIMARY KEY ("member_id","custom_role_id")
);

-- CreateTable
CREATE TABLE "access_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "hashed_value" TEXT NOT NULL,
    "ending" TEXT NOT NULL,
    "previous_hashed_value" TEXT,
    "previous_expires_at" TIMESTAMPTZ(3),
    "role" TEXT,
    "inline_role" JSONB,
    "service_token" BOOLEAN NOT NULL DEFAULT false,
    "member_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "token_custom_role" (
    "token_id" UUID NOT NULL,
    "custom_role_id" UUID NOT NULL,

    CONSTRAINT "token_custom_role_pkey" PRIMARY KEY ("token_id","custom_role_id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "accesses" JSONB NOT NULL DEFAULT '[]',
    "target" TEXT NOT NULL,
    "member_id" UUID,
    "member_email" TEXT,
    "token_id" UUID,
    "token_name" TEXT,
    "token_ending" TEXT,
    "previous_version" JSONB,
    "current_version" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "project_key_key" ON "project"("key");

-- CreateIndex
CREATE UNIQUE INDEX "environment_client_side_id_key" ON "environment"("client_side_id");

-- CreateIndex
CREATE UNIQUE INDEX "environment_project_id_key_key" ON "environment"("project_id", "key");

-- CreateIndex
CREATE INDEX "segment_environment_id_created_at_idx" ON "segment"("environment_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "segment_environment_id_key_key" ON "segment"("environment_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "segment_environment_id_external_external_cohort_id_key" ON "segment"("environment_id", "external", "external_cohort_id");

-- CreateIndex
CREATE INDEX "sync_run_environment_id_started_at_id_idx" ON "sync_run"("environment_id", "started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sync_run_segment_segment_id_started_at_idx" ON "sync_run_segment"("segment_id", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "member_email_key" ON "member"("email");

-- CreateIndex
CREATE UNIQUE INDEX "custom_role_key_key" ON "custom_role"("key");

-- CreateIndex
CREATE UNIQUE INDEX "access_token_hashed_value_key" ON "access_token"("hashed_value");

-- CreateIndex
CREATE UNIQUE INDEX "access_token_previous_hashed_value_key" ON "access_token"("previous_hashed_value");

-- CreateIndex
CREATE INDEX "audit_entry_date_id_idx" ON "audit_entry"("date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entry_target_idx" ON "audit_entry"("target");

-- AddForeignKey
ALTER TABLE "environment" ADD CONSTRAINT "environment_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run" ADD CONSTRAINT "sync_run_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run_segment" ADD CONSTRAINT "sync_run_segment_sync_run_id_fkey" FOREIGN KEY ("sync_run_id") REFERENCES "sync_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run_segment" ADD CONSTRAINT "sync_run_segment_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_custom_role" ADD CONSTRAINT "member_custom_role_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_custom_role" ADD CONSTRAINT "member_custom_role_custom_role_id_fkey" FOREIGN KEY ("custom_role_id") REFERENCES "custom_role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_token" ADD CONSTRAINT "access_token_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "token_custom_role" ADD CONSTRAINT "token_custom_role_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "access_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "token_custom_role" ADD CONSTRAINT "token_custom_role_custom_role_id_fkey" FOREIGN KEY ("custom_role_id") REFERENCES "custom_role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
