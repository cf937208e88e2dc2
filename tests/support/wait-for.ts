/** How often `waitFor` asks again: often enough for a quick test, rarely enough not to load the database. */
const POLL_INTERVAL_MS = 100;

/**
 * Waits for a condition instead of a fixed time: asks `condition` until it is true, and fails once `timeoutMs` has passed
 * with what was awaited in the message.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  {
    timeoutMs,
    what,
    intervalMs = POLL_INTERVAL_MS,
  }: { timeoutMs: number; what: string; intervalMs?: number },
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the clock has passed `time`, so that a timestamp written next is later than it (not a fixed sleep). */
export async function waitForClockPast(time: Date | null | undefined): Promise<void> {
  const after = time?.getTime() ?? 0;
  await waitFor(() => Date.now() > after, {
    timeoutMs: 1_000,
    what: `the clock to pass ${after}`,
    intervalMs: 1,
  });
}
