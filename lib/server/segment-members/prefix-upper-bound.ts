const MAX_CODE_POINT = 0x10ffff;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;

/**
 * The smallest string greater than every string that starts with `prefix`, under byte-wise ("C" collation) order of
 * UTF-8, which is code point order. `key >= prefix AND key < bound` is then an index range scan, where `LIKE 'p%'` on a
 * parameter is not. null when no such bound exists (empty prefix, or one made only of U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string | null {
  const codePoints = Array.from(prefix, (character) => character.codePointAt(0) ?? 0);
  while (codePoints.length > 0) {
    const last = codePoints.pop() ?? MAX_CODE_POINT;
    if (last < MAX_CODE_POINT) {
      // Lone surrogates are not encodable in UTF-8: the code point after U+D7FF is U+E000.
      const next = last + 1 >= SURROGATES_START && last + 1 <= SURROGATES_END ? SURROGATES_END + 1 : last + 1;
      return String.fromCodePoint(...codePoints, next);
    }
  }
  return null;
}
