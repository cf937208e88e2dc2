import { expect, type Locator, type Page } from "@playwright/test";
import { E2E } from "./e2e-config";
import { rememberSecret } from "./secrets";

/** The one-time link a dialog shows once (invite or password reset). */
export async function shownLink(dialog: Locator): Promise<string> {
  const url = await dialog.getByTestId("password-link").inputValue();
  expect(url).toMatch(/\/(invite|reset)\/[A-Za-z0-9_-]{43}$/);
  rememberSecret(new URL(url).pathname.split("/").at(-1));
  return url;
}

/** Opens a link with no session, chooses the password, and lands signed in on the Projects page. */
export async function setPasswordThroughLink(page: Page, url: string, password: string): Promise<void> {
  rememberSecret(password);
  await page.goto(url);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

type Mail = { to: string[]; text: string };

/** The text of the last email the e2e mail server received for `email`, once it has arrived. */
export async function lastMailTo(email: string): Promise<string> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const messages = (await (await fetch(E2E.smtp.mailboxUrl)).json()) as Mail[];
      found = messages.filter((message) => message.to.includes(email)).at(-1);
      return found !== undefined;
    })
    .toBe(true);
  return found?.text ?? "";
}
