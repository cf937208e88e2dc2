/**
 * Thrown inside a membership transaction when a concurrent transaction won a race (it created the same segment first):
 * the whole transaction is rolled back and run again, and the second attempt finds what the winner committed.
 */
export class TransactionConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransactionConflict";
  }
}
