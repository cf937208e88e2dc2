-- Each app process caches resolved token principals (lib/server/access/tokens/token-principal-cache.ts). These triggers
-- tell every process to forget them, on commit, when anything a principal is built from changes. Written by hand:
-- Prisma's schema does not describe triggers, so `db:diff` neither writes nor removes them.
CREATE FUNCTION tributary_notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tributary_access_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER access_token_access_changed
  AFTER INSERT OR DELETE OR TRUNCATE ON access_token
  FOR EACH STATEMENT EXECUTE FUNCTION tributary_notify_access_changed();

-- Recording a token's last use (at most once a minute per token) changes nothing a principal is built from.
CREATE TRIGGER access_token_updated_access_changed
  AFTER UPDATE ON access_token
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
  EXECUTE FUNCTION tributary_notify_access_changed();

CREATE TRIGGER member_access_changed
  AFTER DELETE OR TRUNCATE ON member
  FOR EACH STATEMENT EXECUTE FUNCTION tributary_notify_access_changed();

CREATE TRIGGER member_updated_access_changed
  AFTER UPDATE ON member
  FOR EACH ROW
  WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION tributary_notify_access_changed();

CREATE TRIGGER custom_role_access_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_role
  FOR EACH STATEMENT EXECUTE FUNCTION tributary_notify_access_changed();

CREATE TRIGGER member_custom_role_access_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_custom_role
  FOR EACH STATEMENT EXECUTE FUNCTION tributary_notify_access_changed();

CREATE TRIGGER token_custom_role_access_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON token_custom_role
  FOR EACH STATEMENT EXECUTE FUNCTION tributary_notify_access_changed();
