import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { unique } from "@/tests/factories/unique";
import { E2E } from "../e2e-config";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

/**
 * The dashboard's copy controls on a non-secure origin: the app opened over plain HTTP through this machine's own
 * non-loopback address, where `navigator.clipboard` does not exist (the usual first self-hosted setup). Nothing may say
 * "Copied" there; the value is shown selected in a field with the keys that copy it.
 */

/** An IPv4 address of this machine other than loopback: http:// on it is not a secure context for Chromium. */
function nonLoopbackAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === "IPv4" && !entry.internal)?.address;
  if (address === undefined) throw new Error("this machine has no non-loopback IPv4 address to test over");
  return address;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A context on `http://<address>:<port>` carrying the owner's session cookie (saved by e2e/auth.setup.ts for localhost). */
async function insecureOwnerContext(browser: Browser): Promise<{ context: BrowserContext; origin: string }> {
  const origin = `http://${nonLoopbackAddress()}:${E2E.port}`;
  const context = await browser.newContext({ baseURL: origin });
  const state = JSON.parse(readFileSync(E2E.ownerStorageState, "utf8")) as StorageState;
  for (const cookie of state.cookies) rememberSecret(cookie.value);
  await context.addCookies(
    state.cookies.map(({ name, value, httpOnly, sameSite }) => ({
      name,
      value,
      httpOnly,
      sameSite,
      url: origin,
    })),
  );
  return { context, origin };
}

/** The selection inside the focused field: what Ctrl+C would copy. */
function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const field = document.activeElement;
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return "";
    return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
  });
}

test("on plain HTTP the token reveal never says Copied: the value is selected with the keys that copy it", async ({
  browser,
}) => {
  const { context, origin } = await insecureOwnerContext(browser);
  const page = await context.newPage();
  try {
    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { name: "Access tokens" })).toBeVisible();
    expect(page.url().startsWith(origin)).toBe(true);
    expect(await page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard])).toEqual([
      false,
      "undefined",
    ]);

    const name = unique("copy-http");
    await page.getByRole("button", { name: "Create token" }).click();
    const create = page.getByRole("dialog", { name: "Create an access token" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create token" }).click();
    const created = page.getByRole("dialog", { name: `Token "${name}" created` });
    const value = await created.getByLabel("Token value").inputValue();
    rememberSecret(value);
    expect(value).toMatch(/^api-/);

    await created.getByRole("button", { name: /^Copy token/ }).click();
    const field = created.getByTestId("manual-copy-field");
    await expect(field).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(value);
    expect(await selectedText(page)).toBe(value);
    await expect(created.getByText("press Ctrl+C to copy it")).toBeVisible();
    await expect(created.getByText("Copied")).toHaveCount(0);
    await expect(created.getByRole("button", { name: /^Copy token/ })).toHaveText("Copy token");

    await created.getByRole("button", { name: "Done" }).click();
    await expect(created).toBeHidden();
  } finally {
    await context.close();
  }
});

test("on plain HTTP a client-side ID's copy control selects the ID instead of claiming a copy", async ({
  browser,
}) => {
  const { context } = await insecureOwnerContext(browser);
  const page = await context.newPage();
  try {
    await page.goto("/projects/default");
    const row = page.getByRole("row", { name: "Environment Production" });
    const id = (await row.getByTestId("client-side-id-production").textContent()) ?? "";
    expect(id).not.toBe("");
    await row.getByRole("button", { name: /^Copy client-side ID/ }).click();
    await expect(row.getByTestId("manual-copy-field")).toBeFocused();
    expect(await selectedText(page)).toBe(id);
    await expect(row.getByText("Copied")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("on a secure origin the control says Copied only with the value on the clipboard", async ({
  ownerPage: page,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.baseUrl });
  await page.goto("/projects/default");
  const row = page.getByRole("row", { name: "Environment Production" });
  const id = (await row.getByTestId("client-side-id-production").textContent()) ?? "";
  const button = row.getByRole("button", { name: /^Copy client-side ID/ });
  await button.click();
  await expect(button).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
  await expect(row.getByTestId("manual-copy-field")).toHaveCount(0);
  await expect(button).toHaveText("Copy client-side ID");
});
