/**
 * Policy globs: `*` matches any run of characters (also none, also `/`); every other character is literal and
 * case-sensitive. We do not use picomatch: its `?`, `[...]`, `{a,b}`, `!` and special handling of `/` would give names in
 * policies meanings that LaunchDarkly's grammar does not have.
 *
 * No regular expression: a `.*` per `*` backtracks, and a glob such as `*a*a*a*a*a*a*a*a*b` against a long near-miss
 * then takes exponential time. A glob with only `*` needs no backtracking at all: the text before the first `*` must be
 * a prefix, the text after the last `*` a suffix, and each piece in between can be taken at its leftmost occurrence after
 * the previous one (an earlier occurrence never leaves less room for the pieces that follow). That is one left-to-right
 * scan with `indexOf` per piece: at worst O(value length × glob length).
 */

export type GlobMatcher = (value: string) => boolean;

const matchAll: GlobMatcher = () => true;

function matchPieces(pieces: readonly string[], value: string): boolean {
  if (pieces.length === 1) return value === pieces[0];
  const first = pieces[0] ?? "";
  const last = pieces[pieces.length - 1] ?? "";
  if (first.length + last.length > value.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  const end = value.length - last.length;
  let position = first.length;
  for (let index = 1; index < pieces.length - 1; index += 1) {
    const piece = pieces[index] ?? "";
    if (piece === "") continue;
    const found = value.indexOf(piece, position);
    if (found === -1 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}

/** Whether `value` matches `pattern`, without compiling or caching anything. */
export function matchGlob(pattern: string, value: string): boolean {
  return matchPieces(pattern.split("*"), value);
}

/**
 * Compiled globs are reused across requests. Bounded so that a stream of distinct patterns cannot grow memory without
 * limit; the oldest entry goes first.
 */
const GLOB_CACHE_LIMIT = 5_000;
const globCache = new Map<string, GlobMatcher>();

export function compileGlob(pattern: string): GlobMatcher {
  const hit = globCache.get(pattern);
  if (hit !== undefined) return hit;
  let matcher: GlobMatcher;
  if (pattern === "*") matcher = matchAll;
  else if (!pattern.includes("*")) matcher = (value) => value === pattern;
  else {
    const pieces = pattern.split("*");
    matcher = (value) => matchPieces(pieces, value);
  }
  if (globCache.size >= GLOB_CACHE_LIMIT) {
    const oldest = globCache.keys().next();
    if (oldest.done !== true) globCache.delete(oldest.value);
  }
  globCache.set(pattern, matcher);
  return matcher;
}

/** How many `*` a glob (an action pattern, or a whole resource specifier) contains. */
export function countWildcards(text: string): number {
  let count = 0;
  for (let index = text.indexOf("*"); index !== -1; index = text.indexOf("*", index + 1)) count += 1;
  return count;
}
