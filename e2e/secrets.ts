import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Every secret an e2e run uses (passwords, access tokens, session and CSRF cookies) is written here, so that the
 * log audit that runs after all e2e tests can prove none of them reached the app's log.
 */
export const SECRETS_FILE = path.resolve("test-results/e2e-secrets.txt");
/** The app's whole stdout and stderr during the e2e run (playwright.config.ts tees it here). */
export const SERVER_LOG_FILE = path.resolve("test-results/e2e-server.log");

/** Values this short could appear in a log by chance (and are not secrets worth the name). */
const MIN_SECRET_LENGTH = 12;

export function rememberSecret(value: string | null | undefined): void {
  if (value === null || value === undefined || value.length < MIN_SECRET_LENGTH) return;
  mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  appendFileSync(SECRETS_FILE, `${JSON.stringify(value)}\n`);
}
