import { existsSync, readFileSync } from "node:fs";
import { E2E } from "../e2e-config";
import { expect, test } from "../fixtures";
import { SECRETS_FILE, SERVER_LOG_FILE } from "../secrets";

function readSecrets(): string[] {
  if (!existsSync(SECRETS_FILE)) return [];
  const lines = readFileSync(SECRETS_FILE, "utf8")
    .split("\n")
    .filter((line) => line !== "");
  return [...new Set(lines.map((line) => JSON.parse(line) as string))];
}

test("no password, access token or session cookie used by the e2e run appears in the app's log", () => {
  const log = readFileSync(SERVER_LOG_FILE, "utf8");
  const secrets = readSecrets();
  // The run must have produced what this audit reads, or it would pass without looking at anything.
  expect(log).toContain('"message":"request"');
  expect(secrets).toContain(E2E.ownerPassword);
  expect(secrets.filter((secret) => secret.startsWith("api-")).length).toBeGreaterThan(5);
  expect(secrets.some((secret) => secret.split(".").length >= 3)).toBe(true);

  const leaked = secrets.filter((secret) => log.includes(secret));
  expect(leaked.map((secret) => `${secret.slice(0, 6)}… (${secret.length} characters)`)).toEqual([]);
});
