-- The cohort name the integration sent last, so after a hand rename the dashboard can show the tool's current name and
-- hand the name back to syncs. Segments whose name still follows the tool start with that name.
ALTER TABLE "segment" ADD COLUMN "external_name" TEXT;
UPDATE "segment" SET "external_name" = "name" WHERE "external" IS NOT NULL AND NOT "name_edited_by_hand";
