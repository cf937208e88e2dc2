import { mkdirSync } from "node:fs";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

let redis: RedisHandle;

test.beforeAll(async () => {
  redis = await startRedis();
});

test.afterAll(async () => {
  await redis.stop();
});

test("add a Redis store, see it become available, test its connection", async ({
  ownerPage: page,
}, testInfo) => {
  await page.goto("/default/production/stores");
  await expect(page.getByRole("heading", { name: "Persistent stores" })).toBeVisible();
  await page.getByLabel("Store name").fill("E2E Redis");
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill(String(redis.port));
  await page.getByLabel("Prefix").fill("e2e");
  await page.getByRole("button", { name: "Add store" }).click();

  const store = page.getByRole("listitem", { name: "Store E2E Redis" });
  await expect(store).toBeVisible();
  await expect(store).toContainText("password not set");
  // The worker rebuilds a new store from PostgreSQL, then marks it synchronized; the page refreshes every 5 seconds.
  await expect(store.getByTestId("store-status").getByText("Available", { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  await store.getByRole("button", { name: "Test connection" }).click();
  await expect(store.getByRole("status").filter({ hasText: /Connected/ })).toBeVisible();
  mkdirSync("test-results/screenshots", { recursive: true });
  const shot = await page.screenshot({ path: "test-results/screenshots/stores.png" });
  await testInfo.attach("stores", { body: shot, contentType: "image/png" });
});

/** Whether the document is wider than the window: a page that scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("the stores page in the dashboard's style: breadcrumb, shared times, badges, dialog, phone width, dark mode", async ({
  ownerPage: page,
}) => {
  await page.goto("/default/production/stores");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: "Projects" })).toBeVisible();
  await expect(crumbs.getByText("Persistent stores")).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(/^Persistent stores · /);

  const name = `Styled ${Date.now()}`;
  await page.getByLabel("Store name").fill(name);
  await page.getByLabel("Host").fill("redis-for-a-rather-long-host-name.internal.example.com");
  await page.getByLabel("Port").fill(String(redis.port));
  await page.getByLabel("Prefix").fill("a-long-prefix-that-should-wrap-instead-of-pushing-the-page-sideways");
  await page.getByRole("button", { name: "Add store" }).click();
  const store = page.getByRole("listitem", { name: `Store ${name}` });
  await expect(store.getByTestId("store-status").getByText(/^(Available|Unavailable)$/)).toBeVisible({
    timeout: 20_000,
  });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(store).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(store).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  const shot = await page.screenshot({ path: "test-results/screenshots/stores-phone-dark.png" });
  await test.info().attach("stores-phone-dark", { body: shot, contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Deleting asks in the shared dialog; cancelling keeps the store.
  await store.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete the store ${name}?` });
  await expect(dialog).toContainText("Its Redis data is left as it is");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(store).toBeVisible();
  await store.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete store" }).click();
  await expect(store).toBeHidden();
});
