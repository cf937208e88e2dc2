import { randomBytes } from "node:crypto";
import { createTestMember } from "@/tests/factories/members";
import { expect, signIn, test } from "../fixtures";

test("a dashboard URL without a session redirects to sign-in", async ({ page }) => {
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Tributary" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@e2e.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /wrong email or password/i })).toBeVisible();
});

test("the seeded project is listed after sign-in", async ({ ownerPage: page }) => {
  await expect(page.getByRole("link", { name: "Default project" })).toBeVisible();
});

test("sign in, create a project and an environment, see its client-side ID, sign out", async ({ page }) => {
  // Signing out ends every session of the member (a JWT cannot be revoked alone): an admin of its own, so that the
  // owner's session saved for the other tests (e2e/auth.setup.ts) lives on.
  const { member, password } = await createTestMember({ role: "admin" });
  await signIn(page, member.email, password);
  const key = `web-${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Project name").fill("Web app");
  await page.getByLabel("Project key").fill(key);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("status")).toHaveText(`Project ${key} created.`);
  await page.getByRole("link", { name: "Web app" }).click();

  await expect(page.getByRole("heading", { name: "Web app" })).toBeVisible();
  await page.getByLabel("Environment name").fill("Staging");
  await page.getByLabel("Environment key").fill("staging");
  await page.getByRole("button", { name: "Create environment" }).click();
  const row = page.getByRole("row", { name: "Environment Staging" });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("client-side-id-staging")).toHaveText(/^[0-9a-f]{24}$/);
  await expect(row.getByRole("button", { name: /Copy client-side ID/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("row", { name: "Environment Staging" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`/projects/${key}`);
  await expect(page).toHaveURL(/\/login/);
});
