// `npm test`: lint, type check, formatting, unit and integration tests (vitest, real PostgreSQL), and Playwright e2e against
// the built app. Every stage runs even when an earlier one fails; the last line is the total: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(name, command, env = {}) {
  process.stdout.write(`\n=== ${name}: ${command}\n`);
  const started = Date.now();
  const result = spawnSync(command, { shell: true, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command) {
  const { ok, seconds } = run(name, command);
  totals[ok ? "passed" : "failed"] += 1;
  summary.push(`${name}: ${ok ? "ok" : "FAILED"} (${seconds}s)`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

check("lint", "npx eslint . --max-warnings 0");
check("typecheck", "npx tsc --noEmit");
check("format", "npx prettier --check . --log-level warn");

const audit = spawnSync("node scripts/audit-dependencies.mjs", { shell: true, stdio: "inherit" });
if (audit.status === 3) {
  totals.skipped += 1;
  summary.push("dependency audit: skipped (the registry's audit endpoint is unavailable)");
} else {
  totals[audit.status === 0 ? "passed" : "failed"] += 1;
  summary.push(`dependency audit: ${audit.status === 0 ? "ok" : "FAILED (high or critical advisories)"}`);
}

rmSync("test-results/vitest.json", { force: true });
const vitest = run(
  "unit + integration",
  "npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json",
  { NODE_OPTIONS: "--experimental-wasm-modules" },
);
const vitestReport = readJson("test-results/vitest.json");
if (vitestReport) {
  totals.passed += vitestReport.numPassedTests;
  totals.failed += vitestReport.numFailedTests + (vitest.ok || vitestReport.numFailedTests > 0 ? 0 : 1);
  totals.skipped += vitestReport.numPendingTests + vitestReport.numTodoTests;
  summary.push(
    `vitest: ${vitestReport.numPassedTests} passed, ${vitestReport.numFailedTests} failed (${vitest.seconds}s)`,
  );
} else {
  totals.failed += 1;
  summary.push(`vitest: no report (exit ${vitest.ok ? 0 : "non-zero"})`);
}

rmSync("test-results/playwright.json", { force: true });
const e2e = run("e2e", "npx playwright test", {
  PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json",
  NODE_OPTIONS: "--conditions=react-server",
});
const e2eReport = readJson("test-results/playwright.json");
if (e2eReport && e2eReport.stats) {
  const { expected, unexpected, flaky, skipped } = e2eReport.stats;
  // A test that passed only on a retry is flaky, and flaky counts as failed: it hides a race or a wrong wait.
  const failed = unexpected + flaky;
  totals.passed += expected;
  totals.failed += failed + (e2e.ok || failed > 0 ? 0 : 1);
  totals.skipped += skipped;
  summary.push(`playwright: ${expected} passed, ${failed} failed (${flaky} of them flaky) (${e2e.seconds}s)`);
} else {
  totals.failed += 1;
  summary.push(`playwright: no report (exit ${e2e.ok ? 0 : "non-zero"})`);
}

// Two instances of the build the e2e stage made, on one PostgreSQL: shared rate limits, exact concurrent syncs (#6).
check("multi-instance", "npm run -s test:multi");

process.stdout.write(`\n${summary.join("\n")}\n`);
if (!existsSync("test-results")) mkdirSync("test-results");
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
