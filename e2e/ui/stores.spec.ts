import { mkdirSync } from "node:fs";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
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
  await expect(store.getByText("available", { exact: true })).toBeVisible({ timeout: 20_000 });

  await store.getByRole("button", { name: "Test connection" }).click();
  await expect(store.getByRole("status").filter({ hasText: /Connected/ })).toBeVisible();
  mkdirSync("test-results/screenshots", { recursive: true });
  const shot = await page.screenshot({ path: "test-results/screenshots/stores.png" });
  await testInfo.attach("stores", { body: shot, contentType: "image/png" });
});
