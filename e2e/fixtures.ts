import { test as base, expect, type Page } from "@playwright/test";
import { E2E } from "./e2e-config";

export async function signIn(page: Page, email = E2E.ownerEmail, password = E2E.ownerPassword) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

// Factories (tests/factories) write through the app's own code into the e2e app's database.
process.env.DATABASE_URL ??= E2E.databaseUrl;
process.env.TRIBUTARY_LOG_LEVEL ??= "error";

/** `ownerPage`: a page already signed in as the owner that `npm start` created from TRIBUTARY_ADMIN_EMAIL. */
export const test = base.extend<{ ownerPage: Page }>({
  ownerPage: async ({ page }, use) => {
    await signIn(page);
    await use(page);
  },
});

export { expect };
