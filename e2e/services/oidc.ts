/**
 * The identity provider of the e2e run (started by playwright.config.ts before the app): a real OpenID Connect provider on
 * E2E.oidc.port with the app as its client and the people of E2E.oidc.accounts. Runs until Playwright stops it.
 */
import { E2E } from "../e2e-config";
import { startOidcProvider } from "@/tests/support/oidc-provider";

const provider = await startOidcProvider({
  port: E2E.oidc.port,
  redirectUris: [`${E2E.baseUrl}/api/auth/callback/oidc`],
  clientId: E2E.oidc.clientId,
  clientSecret: E2E.oidc.clientSecret,
  accounts: Object.values(E2E.oidc.accounts),
});
process.stdout.write(`[oidc] identity provider at ${provider.issuer}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void provider.stop().finally(() => process.exit(0));
  });
}
