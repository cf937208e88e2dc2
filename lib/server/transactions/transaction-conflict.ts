/**
 * Thrown inside a membership transaction when it must start over: a concurrent transaction won a race (it created the
 * same segment first, and the second attempt finds what the winner committed), or a batch tried as all-new keys met a
 * key already there (the second attempt skips existing keys). The whole transaction is rolled back and run again.
 */
export class TransactionConflict extends Error {
  /** false: the race is already settled (the next attempt takes another path), so run again at once. */
  readonly backoff: boolean;

  constructor(message: string, options: { backoff?: boolean } = {}) {
    super(message);
    this.name = "TransactionConflict";
    this.backoff = options.backoff ?? true;
  }
}
