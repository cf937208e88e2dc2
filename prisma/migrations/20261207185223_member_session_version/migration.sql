-- AlterTable
ALTER TABLE "member" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- A new password ends the member's sessions whichever code path (or operator's SQL) sets it. Written by hand: Prisma's
-- schema does not describe triggers, so `db:diff` neither writes nor removes it.
CREATE FUNCTION tributary_end_sessions_on_new_password() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.session_version := OLD.session_version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER member_password_ends_sessions
  BEFORE UPDATE OF password_hash ON member
  FOR EACH ROW
  WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION tributary_end_sessions_on_new_password();
