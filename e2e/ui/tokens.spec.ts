import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import type { APIRequestContext, Locator, Page, TestInfo } from "@playwright/test";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The client-side ID of default/production, read with the owner's session (a sync token may not view environments). */
async function productionClientSideId(page: Page): Promise<string> {
  const response = await page.request.get("/api/v2/projects/default/environments/production");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { _id: string })._id;
}

/** A RudderStack audience push with the given token, as the partner sends it; answers the HTTP status. */
async function push(request: APIRequestContext, token: string, environmentId: string, cohortId: string) {
  const response = await request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      { environmentId, cohortId, cohortName: `Token test ${cohortId}` },
      [unique("user")],
    ),
  });
  return response.status();
}

/** The value shown once in the open dialog, read from the page (the clipboard may be unavailable in CI). */
async function shownValue(dialog: Locator): Promise<string> {
  await expect(dialog.getByText("Copy it now: you won't see it again.")).toBeVisible();
  const value = await dialog.getByLabel("Token value").inputValue();
  expect(value).toMatch(/^api-[A-Za-z0-9_-]{32,}$/);
  await expect(dialog.getByRole("button", { name: /^Copy token/ })).toBeVisible();
  return value;
}

async function resetToken(page: Page, name: string, grace: string): Promise<string> {
  await page
    .getByRole("row", { name: `Token ${name}` })
    .getByRole("button", { name: "Reset" })
    .click();
  const dialog = page.getByRole("dialog", { name: `Reset "${name}"` });
  await dialog.getByLabel("Old value").selectOption({ label: grace });
  await dialog.getByRole("button", { name: "Reset token" }).click();
  const revealed = page.getByRole("dialog", { name: `New value for "${name}"` });
  const value = await shownValue(revealed);
  await revealed.getByRole("button", { name: "Done" }).click();
  await expect(revealed).toBeHidden();
  return value;
}

test("a sync token's life: create with the ready policy, use, reset with a grace period, delete, audit", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const name = unique("rudderstack-sync");
  const cohortId = unique("aud");
  const environmentId = await productionClientSideId(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Access tokens" })).toBeVisible();

  // The dialog is modal: Escape closes it and focus returns to the button that opened it.
  const openCreate = page.getByRole("button", { name: "Create token" });
  await openCreate.click();
  await expect(page.getByRole("dialog", { name: "Create an access token" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(openCreate).toBeFocused();

  // Create it with the ready "Sync tool" policy, as a service token.
  await openCreate.click();
  const create = page.getByRole("dialog", { name: "Create an access token" });
  await expect(create.getByLabel("Name")).toBeFocused();
  await create.getByLabel("Name").fill(name);
  await create.getByRole("radio", { name: "Sync tool" }).check();
  await create.getByLabel("Service token").check();
  await create.getByRole("button", { name: "Create token" }).click();
  const created = page.getByRole("dialog", { name: `Token "${name}" created` });
  const first = await shownValue(created);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();

  const row = page.getByRole("row", { name: `Token ${name}` });
  await expect(row.getByTestId("token-ending")).toHaveText(`…${first.slice(-4)}`);
  await expect(row).toContainText("Sync tool");
  await expect(row).toContainText("Service");
  await expect(row.getByTestId("token-last-used")).toHaveText("Never");
  await expect(row).not.toContainText(first);

  // The partner uses it; "last used" shows it after a reload.
  expect(await push(request, first, environmentId, cohortId)).toBe(204);
  await page.reload();
  await expect(row.getByTestId("token-last-used")).not.toHaveText("Never");
  await expect(row.getByTestId("token-last-used")).toHaveText(/just now|second|minute/);
  await screenshot(page, testInfo, "settings-tokens");

  // Reset with a grace period: the old value keeps working beside the new one.
  const second = await resetToken(page, name, "Keeps working for 1 hour");
  expect(second).not.toBe(first);
  await expect(row.getByTestId("token-ending")).toHaveText(`…${second.slice(-4)}`);
  expect(await push(request, first, environmentId, cohortId)).toBe(204);
  expect(await push(request, second, environmentId, cohortId)).toBe(204);

  // Reset again, ending every older value at once.
  const third = await resetToken(page, name, "Stops working immediately");
  expect(await push(request, first, environmentId, cohortId)).toBe(401);
  expect(await push(request, second, environmentId, cohortId)).toBe(401);
  expect(await push(request, third, environmentId, cohortId)).toBe(204);

  // Delete it, after a confirmation.
  await row.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete "${name}"?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete token" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Token ${name} deleted.` })).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await push(request, third, environmentId, cohortId)).toBe(401);

  // The audit log shows every step, each with its before and after.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Search").fill(name);
  await page.getByRole("button", { name: "Apply" }).click();
  const entries = page.getByRole("list", { name: "Entries" });
  await expect(entries.getByRole("listitem")).toHaveCount(4);
  await expect(entries.getByRole("listitem").nth(0)).toHaveAccessibleName(`Deleted token ${name}`);
  await expect(entries.getByRole("listitem").nth(1)).toHaveAccessibleName(
    `Reset token ${name}; the old value stopped working`,
  );
  await expect(entries.getByRole("listitem").nth(2)).toHaveAccessibleName(
    new RegExp(`^Reset token ${name}; the old value works until `),
  );
  await expect(entries.getByRole("listitem").nth(3)).toHaveAccessibleName(`Created service token ${name}`);

  const graceReset = entries.getByRole("listitem").nth(2);
  await graceReset.getByRole("button", { name: "Details" }).click();
  await expect(graceReset.getByRole("button", { name: "Hide details" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const ending = graceReset.getByRole("row", { name: /^Field ending/ });
  await expect(ending.getByRole("cell").nth(0)).toHaveText(first.slice(-4));
  await expect(ending.getByRole("cell").nth(1)).toHaveText(second.slice(-4));
  await expect(graceReset.getByRole("row", { name: /^Field previousValueExpiresAt/ })).toBeVisible();

  const deletion = entries.getByRole("listitem").nth(0);
  await deletion.getByRole("button", { name: "Details" }).click();
  await expect(
    deletion
      .getByRole("row", { name: /^Field name/ })
      .getByRole("cell")
      .nth(0),
  ).toHaveText(name);
  await expect(
    deletion
      .getByRole("row", { name: /^Field name/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("—");
  await screenshot(page, testInfo, "settings-audit");
});
