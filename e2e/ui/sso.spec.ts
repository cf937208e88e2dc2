import type { Page } from "@playwright/test";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { E2E } from "../e2e-config";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

const { accounts } = E2E.oidc;

test.beforeEach(() => {
  // The log audit (e2e/audit) proves the app never logs the client secret either.
  rememberSecret(E2E.oidc.clientSecret);
});

/** From the sign-in page through the identity provider's own login form, as `login` (the provider takes any password). */
async function signInWithSso(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await expect(page).toHaveURL(
    (url) => url.origin === E2E.oidc.issuer && url.pathname.startsWith("/interaction/"),
  );
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("password-at-the-provider");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("the sign-in page offers single sign-on beside the password form", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in with SSO" })).toBeEnabled();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a member signs in through the identity provider, then signs out, which ends that session", async ({
  page,
  browser,
}) => {
  const { member } = await createTestMember({ role: "reader", email: accounts.member.email });

  await signInWithSso(page, accounts.member.login);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Default project" })).toBeVisible();
  const signedIn = await page.context().cookies();
  const entry = await prisma.auditEntry.findFirst({ where: { memberId: member.id, kind: "session" } });
  expect(entry?.description).toBe(`${member.email} signed in with single sign-on`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The session cookie from before the sign-out, in a browser of its own, no longer opens the dashboard.
  const copied = await browser.newContext();
  await copied.addCookies(signedIn);
  const other = await copied.newPage();
  await other.goto("/projects");
  await expect(other).toHaveURL(/\/login/);
  await copied.close();
});

test("someone of the allowed domain becomes a reader at their first sign-in", async ({ page }) => {
  await signInWithSso(page, accounts.newcomer.login);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const member = await prisma.member.findUnique({ where: { email: accounts.newcomer.email } });
  expect(member?.role).toBe("reader");
  await expect(page.getByRole("link", { name: "Default project" })).toBeVisible();
});

test("someone of a foreign domain is sent back to the sign-in page with the reason", async ({ page }) => {
  await signInWithSso(page, accounts.foreigner.login);
  await expect(page).toHaveURL(/\/login\?error=SsoNotAMember$/);
  await expect(
    page.getByRole("alert").filter({ hasText: "No member of this Tributary has your email address" }),
  ).toBeVisible();
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
  expect(await prisma.member.findUnique({ where: { email: accounts.foreigner.email } })).toBeNull();
});
