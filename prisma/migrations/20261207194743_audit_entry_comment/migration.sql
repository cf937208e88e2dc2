-- The comment a caller sent with a change, shown as the audit entry's comment.
ALTER TABLE "audit_entry" ADD COLUMN "comment" TEXT;
