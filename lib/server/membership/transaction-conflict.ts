/**
 * Thrown inside a membership transaction when a concurrent transaction won a race (it created the same segment first):
 * the whole transaction is rolled back and run again, and the second attempt finds what the winner committed.
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
