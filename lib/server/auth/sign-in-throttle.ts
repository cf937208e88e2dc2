/** After this many failures in a row for one email, each further attempt must wait (doubling, capped). */
export const FREE_ATTEMPTS = 5;
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** How long after the last failure the next attempt for that email is refused without checking the password. */
export function signInDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}
