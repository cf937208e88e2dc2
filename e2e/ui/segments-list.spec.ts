import { mkdirSync } from "node:fs";
import { expect, test } from "../fixtures";

test("find a seeded segment by search, open it, and move between its tabs", async ({
  ownerPage: page,
}, testInfo) => {
  await page.goto("/projects/default");
  await page
    .getByRole("row", { name: "Environment Production" })
    .getByRole("link", { name: "Segments" })
    .click();
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  await expect(page.getByRole("row").nth(1)).toBeVisible();

  await page.getByLabel("Search segments").fill("power users");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Power users", exact: true })).toBeVisible();

  await page.getByLabel("Search segments").fill("churn");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Churn risk", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Power users", exact: true })).toHaveCount(0);
  mkdirSync("test-results/screenshots", { recursive: true });
  const list = await page.screenshot({ path: "test-results/screenshots/segments-list.png" });
  await testInfo.attach("segments-list", { body: list, contentType: "image/png" });

  await page.getByRole("link", { name: "Churn risk", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Churn risk", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("synced by rudderstack")).toBeVisible();
  const overview = await page.screenshot({ path: "test-results/screenshots/overview.png" });
  await testInfo.attach("overview", { body: overview, contentType: "image/png" });

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
});
