// Shared by playwright.config.ts and the fixtures: where the e2e app and its database run.
// Overridable so that two checkouts on one machine can run their e2e suites side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54329);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 25);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 90);

export const E2E = {
  port,
  pgPort,
  baseUrl: `http://localhost:${port}`,
  dataDir: ".data/e2e",
  databaseUrl: `postgresql://tributary:tributary@127.0.0.1:${pgPort}/tributary`,
  chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  ownerEmail: "owner@e2e.test",
  ownerPassword: "e2e-owner-password-1",
  /** The owner's signed-in browser state, saved once per run by e2e/auth.setup.ts (test-results/ is git-ignored). */
  ownerStorageState: "test-results/e2e-auth/owner.json",
  /** The mail server e2e/services/smtp.ts runs for invite and reset links, and where the mail it received is read. */
  smtp: {
    port: smtpPort,
    mailboxPort: smtpPort + 1,
    mailboxUrl: `http://127.0.0.1:${smtpPort + 1}/messages`,
  },
  /** The identity provider e2e/services/oidc.ts runs for single sign-on (e2e/ui/sso.spec.ts); the app is its client. */
  oidc: {
    port: oidcPort,
    issuer: `http://127.0.0.1:${oidcPort}`,
    clientId: "tributary-e2e",
    clientSecret: "e2e-oidc-client-secret-1",
    /** People of this domain join at their first single sign-on. */
    allowedDomain: "sso.e2e.test",
    /** The provider's people, by the login typed on its form. */
    accounts: {
      member: { login: "sso-member", email: "sso-member@e2e.test", emailVerified: true },
      newcomer: { login: "sso-newcomer", email: "newcomer@sso.e2e.test", emailVerified: true },
      foreigner: { login: "sso-foreigner", email: "someone@foreign.e2e.test", emailVerified: true },
    },
  },
};
