export type FilterToken = { kind: "clause" | "," | "|" | "(" | ")"; text: string; at: number };

export type FilterTokens = { ok: true; tokens: FilterToken[] } | { ok: false; error: string };

/**
 * Splits a segment filter into clauses and the `,` `|` `(` `)` between them. Nothing inside `"..."` (JSON string
 * escapes apply) or `[...]` separates; `(` groups only where a clause starts and `)` only closes an open group, so a
 * bare value such as `query equals a(b)` stays one clause.
 */
export function tokenizeSegmentFilter(text: string): FilterTokens {
  const tokens: FilterToken[] = [];
  let clauseStart = 0;
  let inBrackets = false;
  let openGroups = 0;
  const flush = (end: number) => {
    const raw = text.slice(clauseStart, end);
    if (raw.trim() !== "")
      tokens.push({ kind: "clause", text: raw.trim(), at: clauseStart + raw.search(/\S/) });
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') {
      const close = closingQuote(text, index);
      if (close === -1) return { ok: false, error: `the quote at position ${index + 1} is never closed` };
      index = close;
    } else if (character === "[") {
      if (inBrackets) return { ok: false, error: `nested "[" at position ${index + 1}` };
      inBrackets = true;
    } else if (character === "]") {
      if (!inBrackets) return { ok: false, error: `unexpected "]" at position ${index + 1}` };
      inBrackets = false;
    } else if (inBrackets) {
      continue;
    } else if (character === "(" && text.slice(clauseStart, index).trim() === "") {
      tokens.push({ kind: "(", text: "(", at: index });
      openGroups++;
      clauseStart = index + 1;
    } else if ((character === ")" && openGroups > 0) || character === "," || character === "|") {
      flush(index);
      if (character === ")") openGroups--;
      tokens.push({ kind: character, text: character, at: index });
      clauseStart = index + 1;
    }
  }
  if (inBrackets) return { ok: false, error: 'a "[" is never closed' };
  flush(text.length);
  return { ok: true, tokens };
}

/** The index of the `"` closing the JSON string that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === '"') return index;
  }
  return -1;
}

function unquote(item: string): string | null {
  if (!item.startsWith('"')) return item;
  try {
    const parsed: unknown = JSON.parse(item);
    return typeof parsed === "string" ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A clause's value: a list for `[...]` (items bare or quoted, split at commas outside quotes), else one string (bare,
 * or a JSON string). Null when a quoted part is not one well-formed JSON string.
 */
export function splitFilterValue(raw: string): string | string[] | null {
  if (!raw.startsWith("[")) return unquote(raw);
  if (!raw.endsWith("]")) return null;
  const inner = raw.slice(1, -1);
  if (inner.trim() === "") return [];
  const items: string[] = [];
  let start = 0;
  for (let index = 0; index <= inner.length; index++) {
    if (inner[index] === '"') {
      const close = closingQuote(inner, index);
      if (close === -1) return null;
      index = close;
    } else if (index === inner.length || inner[index] === ",") {
      const item = unquote(inner.slice(start, index).trim());
      if (item === null) return null;
      items.push(item);
      start = index + 1;
    }
  }
  return items;
}
