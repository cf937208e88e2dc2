/** Random characters after the drawn one, so that pivots sharing that character still land at different keys. */
const PIVOT_TAIL_LENGTH = 8;
const PRINTABLE_FIRST = 0x21;
const PRINTABLE_COUNT = 94;

function randomPivot(low: string, high: string, random: () => number): string {
  let shared = 0;
  while (shared < low.length && shared < high.length && low[shared] === high[shared]) shared++;
  const from = shared < low.length ? low.charCodeAt(shared) : PRINTABLE_FIRST - 1;
  const to = shared < high.length ? high.charCodeAt(shared) : PRINTABLE_FIRST + PRINTABLE_COUNT;
  const first = Math.min(from, to);
  const code = first + Math.floor(random() * (Math.abs(to - from) + 1));
  let tail = "";
  for (let index = 0; index < PIVOT_TAIL_LENGTH; index++) {
    tail += String.fromCharCode(PRINTABLE_FIRST + Math.floor(random() * PRINTABLE_COUNT));
  }
  return high.slice(0, shared) + String.fromCharCode(code) + tail;
}

/**
 * `count` random strings between a list's lowest and highest key: after their shared prefix, a character drawn between
 * theirs, then random printable characters. The keys at or after each pivot are a cheap random sample of a sorted list
 * (one short index range each); it is uniform when keys are spread evenly after their common prefix (ids, hashes,
 * numbers of one length) and leans towards keys after sparse gaps otherwise.
 */
export function randomSamplePivots(
  low: string,
  high: string,
  count: number,
  random: () => number = Math.random,
): string[] {
  return Array.from({ length: count }, () => randomPivot(low, high, random));
}
