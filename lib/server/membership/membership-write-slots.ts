import "server-only";
import { availableParallelism } from "node:os";

type Slots = { active: number; waiting: (() => void)[] };

// On globalThis: Next.js may load this module once per route bundle, and the limit is for the whole process.
const globalForSlots = globalThis as unknown as { tributaryMembershipSlots?: Slots };

/**
 * Membership transactions at once in this process: one per core. More of them do not finish sooner: on two cores, four
 * concurrent 10,000-key pushes cost PostgreSQL about 50% more CPU per push than two (contended index and WAL locks), and
 * the pushes as a whole got slower, not faster.
 */
const MAX_ACTIVE = Math.max(2, availableParallelism());

/** Waits for a free slot; call the returned function exactly once to give it back. */
export async function acquireMembershipWriteSlot(): Promise<() => void> {
  const slots = (globalForSlots.tributaryMembershipSlots ??= { active: 0, waiting: [] });
  if (slots.active >= MAX_ACTIVE) {
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  } else {
    slots.active++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = slots.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays as it is.
    if (next) next();
    else slots.active--;
  };
}
