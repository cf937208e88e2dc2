import { E2E } from "./e2e-config";
import { signIn, test } from "./fixtures";

// Runs once before the browser tests (playwright.config.ts's "setup" project): `ownerPage` reuses this session.
test("sign the owner in through the form and save the session", async ({ page }) => {
  await signIn(page);
  await page.context().storageState({ path: E2E.ownerStorageState });
});
