import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/e2e-config";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is flaky, and scripts/run-tests.mjs counts it as failed anyway.
  // A failure's trace and screenshot are kept without one (retain-on-failure, only-on-failure).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: E2E.baseUrl,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: E2E.chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs the owner in through the form once and saves the session for `ownerPage` (e2e/fixtures.ts).
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { browserName: "chromium" } },
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /audit\//, dependencies: ["setup"] },
    // After every browser test: the app's log of the whole run must not contain a secret those tests used.
    { name: "log-audit", testMatch: /audit\/.*\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      // The mail server invite and reset links are sent to (e2e/ui/invites-passwords.spec.ts), up before the app.
      command: "node --import tsx e2e/services/smtp.ts",
      url: E2E.smtp.mailboxUrl,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { NODE_OPTIONS: "" },
    },
    {
      // The identity provider for single sign-on (e2e/ui/sso.spec.ts), up before the app that is its client.
      command: "node --import tsx e2e/services/oidc.ts",
      url: `${E2E.oidc.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { NODE_OPTIONS: "" },
    },
    {
      // A fresh embedded PostgreSQL for every run, then the same start path as `npm start` (migrate, seed, build, serve).
      // The log is kept for the log audit (e2e/audit); secrets the tests use are written beside it.
      command: `rm -rf ${E2E.dataDir} test-results/e2e-secrets.txt ${E2E.ownerStorageState} && mkdir -p test-results && npm start 2>&1 | tee test-results/e2e-server.log`,
      url: `${E2E.baseUrl}/login`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_OPTIONS: "",
        PORT: String(E2E.port),
        TRIBUTARY_DATA_DIR: E2E.dataDir,
        TRIBUTARY_PG_PORT: String(E2E.pgPort),
        TRIBUTARY_ADMIN_EMAIL: E2E.ownerEmail,
        TRIBUTARY_ADMIN_PASSWORD: E2E.ownerPassword,
        TRIBUTARY_LOG_LEVEL: "info",
        TRIBUTARY_SMTP_URL: `smtp://127.0.0.1:${E2E.smtp.port}`,
        TRIBUTARY_OIDC_ISSUER: E2E.oidc.issuer,
        TRIBUTARY_OIDC_CLIENT_ID: E2E.oidc.clientId,
        TRIBUTARY_OIDC_CLIENT_SECRET: E2E.oidc.clientSecret,
        TRIBUTARY_OIDC_ALLOWED_DOMAINS: E2E.oidc.allowedDomain,
        // The alerts spec's webhook receiver listens on loopback, which destinations may not reach unless allowed.
        TRIBUTARY_ALERT_ALLOWED_HOSTS: "127.0.0.1",
      },
    },
  ],
});
