import { escapeCsvContextKey } from "@/lib/csv/context-key-escaping";
import { formatCsvField } from "@/lib/server/segment-members/format-csv-field";

/**
 * One line of the members export (`context_key,added_at`). The key is escaped against spreadsheet formula injection
 * first (see `escapeCsvContextKey`; the dashboard's CSV import undoes it), then quoted as RFC 4180 requires.
 */
export function formatSegmentMemberCsvRow(contextKey: string, addedAt: Date): string {
  return `${formatCsvField(escapeCsvContextKey(contextKey))},${addedAt.toISOString()}\n`;
}
