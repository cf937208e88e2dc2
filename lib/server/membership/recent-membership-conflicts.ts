import "server-only";

/** After a batch met keys already present, the next ones to that list skip the all-new attempt for this long. */
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

type Conflicts = Map<string, number>;

// On globalThis: Next.js may load this module once per route bundle, and what it remembers is per process.
const globalForConflicts = globalThis as unknown as { tributaryMembershipConflicts?: Conflicts };

function conflicts(): Conflicts {
  return (globalForConflicts.tributaryMembershipConflicts ??= new Map<string, number>());
}

/**
 * Which segment lists recently received keys they already held (a re-send, a full sync): for those, trying the batch as
 * all-new first would only fail and be done again. Only a hint for speed, never for correctness.
 */
export const recentMembershipConflicts = {
  isRecent(list: string, now = Date.now()): boolean {
    const at = conflicts().get(list);
    return at !== undefined && now - at < REMEMBER_MS;
  },
  remember(list: string, now = Date.now()): void {
    const remembered = conflicts();
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(list, now);
  },
};
