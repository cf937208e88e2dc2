/**
 * The key to look up from what was typed or pasted: spaces, tabs and line breaks around it (a copied spreadsheet cell
 * brings a line break along) are dropped, and `trimmed` says so, since the lookup is then for a different string.
 */
export function lookupKey(raw: string): { key: string; trimmed: boolean } {
  const key = raw.trim();
  return { key, trimmed: key !== "" && key !== raw };
}
