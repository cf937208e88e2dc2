/** RFC 4180: a field with a comma, quote, line break or edge whitespace is quoted, its quotes doubled. */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
