/** Longest error text kept for a store: a hostile server can answer with an error of any length. */
export const MAX_STORE_ERROR_LENGTH = 500;

/**
 * The text of a connection or command error as readers may see it (`_status.lastError`, test-connection): never the
 * store's password, even when a server echoes what it received, and never longer than MAX_STORE_ERROR_LENGTH.
 */
export function describeStoreError(error: unknown, password: string | null): string {
  let message = error instanceof Error ? error.message : String(error);
  if (password) message = message.replaceAll(password, "[redacted]");
  return message.length > MAX_STORE_ERROR_LENGTH
    ? `${message.slice(0, MAX_STORE_ERROR_LENGTH - 1)}…`
    : message;
}
