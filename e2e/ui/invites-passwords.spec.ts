import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { lastMailTo, setPasswordThroughLink, shownLink } from "../password-links";
import { rememberSecret } from "../secrets";

test("an admin invites by email; the invitee opens the emailed link, chooses a password and is signed in", async ({
  ownerPage: page,
  browser,
}) => {
  const email = `${unique("invitee")}@e2e.test`;
  await page.goto("/settings/members");
  await expect(
    page.getByRole("row", { name: /^Member owner@e2e\.test/ }).getByRole("button", { name: "Remove" }),
  ).toHaveCount(0);
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role", { exact: true }).selectOption("writer");
  await dialog.getByRole("button", { name: "Send invite" }).click();
  const invited = page.getByRole("dialog", { name: `Invited ${email}` });
  await expect(invited.getByRole("alert")).toContainText(`Emailed to ${email}`);
  const url = await shownLink(invited);
  await invited.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: `Member ${email}` });
  await expect(row).toContainText("Invite link expires");
  await expect(row.getByRole("button", { name: "New link" })).toBeEnabled();
  expect(await lastMailTo(email)).toContain(url);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await setPasswordThroughLink(invitee, url, "invitee-chose-this-password");
  await invitee.goto(url);
  await expect(invitee.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(row).toContainText("Writer");
  await expect(row.getByRole("button", { name: "Remove" })).toBeEnabled();
});

test("changing one's password on the Account page ends the member's other session and keeps this one", async ({
  browser,
}) => {
  const { member, password } = await createTestMember({ role: "reader" });
  rememberSecret(password);
  const [here, elsewhere] = [await browser.newContext(), await browser.newContext()];
  const page = await here.newPage();
  const other = await elsewhere.newPage();
  await signIn(page, member.email, password);
  await signIn(other, member.email, password);

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const newPassword = "a-new-password-for-the-reader";
  rememberSecret(newPassword);
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Your other sessions are signed out.");

  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await other.goto("/projects");
  await expect(other).toHaveURL(/\/login/);
  await signIn(other, member.email, newPassword);
  await here.close();
  await elsewhere.close();
});

test("an admin issues a reset link; the member sets a new password with it and the old one stops working", async ({
  ownerPage: page,
  browser,
}) => {
  const { member, password } = await createTestMember({ role: "writer" });
  rememberSecret(password);
  await page.goto("/settings/members");
  await page
    .getByRole("row", { name: `Member ${member.email}` })
    .getByRole("button", { name: "Reset password" })
    .click();
  const confirm = page.getByRole("dialog", { name: `Reset the password of ${member.email}?` });
  await confirm.getByRole("button", { name: "Issue reset link" }).click();
  const issued = page.getByRole("dialog", { name: "Password reset link" });
  const url = await shownLink(issued);
  await issued.getByRole("button", { name: "Done" }).click();
  expect(await lastMailTo(member.email)).toContain(url);

  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await setPasswordThroughLink(memberPage, url, "writer-chose-a-new-one");
  await context.close();

  const fresh = await browser.newContext();
  const login = await fresh.newPage();
  await login.goto("/login");
  await login.getByLabel("Email").fill(member.email);
  await login.getByLabel("Password").fill(password);
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(login.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await fresh.close();
});
