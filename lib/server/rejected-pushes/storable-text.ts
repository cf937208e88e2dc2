/**
 * Text PostgreSQL can store: a refused request's ids and messages may carry NUL or half a surrogate pair (that may be
 * why it was refused, or a cut at a length limit made it), each shown as U+FFFD instead of failing the record.
 */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}
