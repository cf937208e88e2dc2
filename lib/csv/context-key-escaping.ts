/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR.
 * Shared by the server's CSV export and the browser's CSV import, so this module must stay free of server imports.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);
const ESCAPE = "'";

/** Whether a cell starting with `text` needs the escape quote: see `escapeCsvContextKey` for the rule. */
function needsEscape(text: string): boolean {
  const first = text.charAt(0);
  if (FORMULA_TRIGGERS.has(first)) return true;
  const second = text.charAt(1);
  return first === ESCAPE && (FORMULA_TRIGGERS.has(second) || second === ESCAPE);
}

/**
 * A context key as written into an exported CSV cell. The rule, which makes the escape unambiguous:
 * - a key starting with a formula trigger (`=`, `+`, `-`, `@`, tab, CR) gets a `'` in front;
 * - a key starting with `'` followed by a trigger or by another `'` also gets a `'` in front, so a key that genuinely
 *   starts with an escape-looking `'` survives the import's unescaping;
 * - every other key is written as it is.
 * So an escaped cell always starts with `'` followed by a trigger or `'`, and no written cell starts with a trigger.
 */
export function escapeCsvContextKey(key: string): string {
  return needsEscape(key) ? `${ESCAPE}${key}` : key;
}

/**
 * The inverse of `escapeCsvContextKey`: a cell loses its first `'` exactly when the rest would have needed the escape
 * (it starts with a trigger, or with `'` followed by a trigger or `'`); any other cell is the key as it is.
 */
export function unescapeCsvContextKey(cell: string): string {
  return cell.startsWith(ESCAPE) && needsEscape(cell.slice(1)) ? cell.slice(1) : cell;
}
