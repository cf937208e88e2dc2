import { escapeCsvMemberKey } from "@/lib/csv/member-key-escaping";
import { formatCsvField } from "@/lib/server/segment-members/format-csv-field";

/**
 * One line of the members export (`context_key,added_at`). The key is escaped against spreadsheet formula injection
 * first (see `escapeCsvMemberKey`; the dashboard's CSV import undoes it), then quoted as RFC 4180 requires.
 */
export function formatMemberCsvRow(contextKey: string, addedAt: Date): string {
  return `${formatCsvField(escapeCsvMemberKey(contextKey))},${addedAt.toISOString()}\n`;
}
