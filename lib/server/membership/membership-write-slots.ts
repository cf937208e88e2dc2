import "server-only";
import { availableParallelism } from "node:os";

type Waiter = { weight: number; admit: () => void };
type Slots = { used: number; waiting: Waiter[] };

// On globalThis: Next.js may load this module once per route bundle, and the limit is for the whole process.
const globalForSlots = globalThis as unknown as { tributaryMembershipSlots?: Slots };

/**
 * Membership transactions at once in this process, weighed by size: two units per core, a large transaction takes two,
 * a small one one. Large ones are CPU-bound in PostgreSQL, and more of them at once do not finish sooner: on two cores,
 * four concurrent 10,000-key pushes cost PostgreSQL 85 instead of 72 ms of CPU each and went 6% slower as a whole than
 * two. Small ones spend half their time in round trips and the commit's WAL flush, so four 1,000-key pushes at once went
 * 10-25% faster than two.
 */
const CAPACITY = 2 * Math.max(2, availableParallelism());

/** Up to this many keys a transaction is small. */
const SMALL_TRANSACTION_KEYS = 2_000;

function slots(): Slots {
  return (globalForSlots.tributaryMembershipSlots ??= { used: 0, waiting: [] });
}

function admitWaiting(state: Slots): void {
  // First come, first served: a large transaction at the head is not overtaken by small ones behind it.
  for (let head = state.waiting[0]; head && state.used + head.weight <= CAPACITY; head = state.waiting[0]) {
    state.waiting.shift();
    state.used += head.weight;
    head.admit();
  }
}

/**
 * Waits until a transaction of `keys` keys (unknown: large) may run; call the returned function exactly once to give its
 * share back.
 */
export async function acquireMembershipWriteSlot(keys?: number): Promise<() => void> {
  const state = slots();
  const weight = keys !== undefined && keys <= SMALL_TRANSACTION_KEYS ? 1 : 2;
  if (state.waiting.length === 0 && state.used + weight <= CAPACITY) {
    state.used += weight;
  } else {
    await new Promise<void>((resolve) => state.waiting.push({ weight, admit: resolve }));
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.used -= weight;
    admitWaiting(state);
  };
}
