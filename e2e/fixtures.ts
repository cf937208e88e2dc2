import { readFileSync } from "node:fs";
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { E2E } from "./e2e-config";
import { rememberSecret } from "./secrets";

export async function signIn(page: Page, email = E2E.ownerEmail, password = E2E.ownerPassword) {
  rememberSecret(password);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The owner's session that e2e/auth.setup.ts saved once for the run: signing in per test was slow and flaky. */
async function useOwnerSession(page: Page) {
  const state = JSON.parse(readFileSync(E2E.ownerStorageState, "utf8")) as StorageState;
  for (const cookie of state.cookies) rememberSecret(cookie.value);
  await page.context().addCookies(state.cookies);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

// Factories (tests/factories) write through the app's own code into the e2e app's database.
process.env.DATABASE_URL ??= E2E.databaseUrl;
process.env.TRIBUTARY_LOG_LEVEL ??= "error";

const REQUEST_METHODS = new Set(["fetch", "get", "post", "put", "patch", "delete", "head"]);

function headerValue(options: unknown, name: string): string | undefined {
  if (typeof options !== "object" || options === null) return undefined;
  const headers: unknown = Reflect.get(options, "headers");
  if (typeof headers !== "object" || headers === null) return undefined;
  const value: unknown = Reflect.get(headers, name);
  return typeof value === "string" ? value : undefined;
}

/** Remembers the access token of every API call a test makes, whichever spec created the token. */
function rememberingTokens(request: APIRequestContext): APIRequestContext {
  return new Proxy(request, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || !REQUEST_METHODS.has(property) || typeof value !== "function")
        return value;
      return (url: unknown, options: unknown) => {
        rememberSecret(headerValue(options, "Authorization") ?? headerValue(options, "authorization"));
        return Reflect.apply(value, target, [url, options]) as unknown;
      };
    },
  });
}

/**
 * `ownerPage`: a page already signed in as the owner that `npm start` created from TRIBUTARY_ADMIN_EMAIL, on the Projects
 * page, with the session the setup project saved (tests of the sign-in form itself use `signIn`). Every page's
 * cookies (session, CSRF) and every API call's token are remembered for the log audit.
 */
export const test = base.extend<{ ownerPage: Page }>({
  request: async ({ request }, use) => {
    await use(rememberingTokens(request));
  },
  page: async ({ page }, use) => {
    page.on("request", (sent) => rememberSecret(sent.headers()["authorization"]));
    await use(page);
    for (const cookie of await page.context().cookies()) rememberSecret(cookie.value);
  },
  ownerPage: async ({ page }, use) => {
    await useOwnerSession(page);
    await use(page);
  },
});

export { expect };
