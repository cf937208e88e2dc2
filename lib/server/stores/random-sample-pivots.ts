/** Random characters after the drawn one, so that pivots sharing that character still land at different keys. */
const PIVOT_TAIL_LENGTH = 8;
const PRINTABLE_FIRST = 0x21;
const PRINTABLE_COUNT = 94;

function sharedPrefixLength(low: string, high: string): number {
  let shared = 0;
  while (shared < low.length && shared < high.length && low[shared] === high[shared]) shared++;
  return shared;
}

function randomCharacter(alphabet: readonly string[] | null, random: () => number): string {
  if (alphabet && alphabet.length > 0) return alphabet[Math.floor(random() * alphabet.length)] ?? "";
  return String.fromCharCode(PRINTABLE_FIRST + Math.floor(random() * PRINTABLE_COUNT));
}

function randomPivot(low: string, high: string, alphabet: readonly string[] | null, random: () => number) {
  const shared = sharedPrefixLength(low, high);
  const from = shared < low.length ? low.charCodeAt(shared) : PRINTABLE_FIRST - 1;
  const to = shared < high.length ? high.charCodeAt(shared) : PRINTABLE_FIRST + PRINTABLE_COUNT;
  const [first, last] = [Math.min(from, to), Math.max(from, to)];
  const inRange = alphabet?.filter((character) => {
    const code = character.charCodeAt(0);
    return code >= first && code <= last;
  });
  const drawn =
    inRange && inRange.length > 0
      ? randomCharacter(inRange, random)
      : String.fromCharCode(first + Math.floor(random() * (last - first + 1)));
  let tail = "";
  for (let index = 0; index < PIVOT_TAIL_LENGTH; index++) tail += randomCharacter(alphabet, random);
  return high.slice(0, shared) + drawn + tail;
}

/**
 * The characters the given keys use after the shared prefix of `low` and `high`, sorted: drawing pivots from them keeps
 * pivots out of the gaps of the key space (between "9" and "a" in hex ids), where many pivots would find the same key.
 */
export function keyAlphabet(low: string, high: string, keys: readonly string[]): string[] {
  const shared = sharedPrefixLength(low, high);
  const characters = new Set<string>();
  for (const key of keys) for (const character of key.slice(shared)) characters.add(character);
  return [...characters].sort();
}

/**
 * `count` random strings between a list's lowest and highest key: after their shared prefix, a character drawn between
 * theirs, then random characters (from `alphabet`, the characters keys are known to use, when given; else any printable
 * one). The keys at or after each pivot are a cheap random sample of a sorted list (one short index range each); it is
 * close to uniform when keys are spread evenly over their alphabet (ids, hashes, numbers of one length) and leans
 * towards keys after sparse gaps otherwise.
 */
export function randomSamplePivots(
  low: string,
  high: string,
  count: number,
  alphabet: readonly string[] | null = null,
  random: () => number = Math.random,
): string[] {
  return Array.from({ length: count }, () => randomPivot(low, high, alphabet, random));
}
