import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectTokenPrincipalParams = {
  hashedValue: string;
};

/**
 * A token by the hash of its value (current, or a reset's old value in its grace period), with its member and both sets
 * of custom roles. Every API request authenticates, so this is one prepared statement rather than several ORM queries.
 */
export const selectTokenPrincipalStatement = sqlStatement<SelectTokenPrincipalParams>(
  "resolve-token-principal",
  { hashedValue: "" },
  (p) => `
  select t.id, t.hashed_value = ${p.hashedValue} as by_current_value, t.previous_expires_at, t.name, t.ending, t.role, t.inline_role, t.service_token, t.expires_at, t.last_used_at,
         m.id as member_id, m.email, m.role as member_role,
         coalesce((select json_agg(json_build_object('key', r.key, 'policy', r.policy))
                   from token_custom_role tr join custom_role r on r.id = tr.custom_role_id
                   where tr.token_id = t.id), '[]'::json) as token_roles,
         coalesce((select json_agg(json_build_object('key', r.key, 'policy', r.policy))
                   from member_custom_role mr join custom_role r on r.id = mr.custom_role_id
                   where mr.member_id = m.id), '[]'::json) as member_roles
  from access_token t join member m on m.id = t.member_id
  where t.hashed_value = ${p.hashedValue}
     or (t.previous_hashed_value = ${p.hashedValue} and t.previous_expires_at > now())
  limit 1`,
);
