import "server-only";

/** How many parameters `auditEntryInsertSql` takes (and `auditEntryValues` gives). */
export const AUDIT_ENTRY_VALUE_COUNT = 13;

/**
 * `INSERT INTO audit_entry ... SELECT` with its thirteen values as parameters `$first` to `$first + 12`, in the order
 * `auditEntryValues` gives them, for raw SQL that writes an audit entry in the same transaction (or statement) as its
 * change. A caller may append a WHERE clause.
 */
export function auditEntryInsertSql(first: number): string {
  const p = (offset: number) => `$${first + offset}`;
  return `INSERT INTO audit_entry (kind, name, description, accesses, target, member_id, member_email, token_id,
      token_name, token_ending, previous_version, current_version, token_service)
    SELECT ${p(0)}, ${p(1)}, ${p(2)}, COALESCE(${p(3)}::jsonb, '[]'::jsonb), ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)},
      ${p(8)}, ${p(9)}, ${p(10)}::jsonb, ${p(11)}::jsonb, COALESCE(${p(12)}::boolean, false)`;
}
