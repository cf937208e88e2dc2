/**
 * Where a page of the newest-first audit log starts. Paging by `before` alone (the last entry's date) would skip entries
 * that share that millisecond (one transaction can write several), so the cursor keeps `before` one past that date and
 * skips, by `offset`, the entries of that millisecond already shown.
 */
export type AuditCursor = { before: number | undefined; offset: number };

export function olderCursor(items: readonly { date: number }[], current: AuditCursor): AuditCursor | null {
  const last = items[items.length - 1];
  if (last === undefined) return null;
  const before = last.date + 1;
  const sameMillisecond = items.filter((entry) => entry.date === last.date).length;
  // Anchored on this millisecond already: every entry on the page shares it, and those of earlier pages were skipped too.
  return { before, offset: current.before === before ? current.offset + sameMillisecond : sameMillisecond };
}
