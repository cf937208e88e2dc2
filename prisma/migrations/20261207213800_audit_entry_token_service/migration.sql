-- AlterTable
ALTER TABLE "audit_entry" ADD COLUMN     "token_service" BOOLEAN NOT NULL DEFAULT false;

-- Entries written before the column by tokens that still exist say whether those were service tokens.
UPDATE "audit_entry" AS a SET "token_service" = true FROM "access_token" AS t WHERE a."token_id" = t."id" AND t."service_token";
