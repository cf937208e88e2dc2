import { createTestSegment } from "@/tests/factories/segments";
import { unique } from "@/tests/factories/unique";
import { prisma } from "@/lib/server/db";
import { expect, test } from "../fixtures";
import { screenshot } from "../partner-push";

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
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("link", { name: "Power users", exact: true })).toBeVisible();

  await page.getByLabel("Search segments").fill("churn");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("link", { name: "Churn risk", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Power users", exact: true })).toHaveCount(0);

  // By tag: the seeded marketing segments, and the filter lives in the URL.
  await page.getByRole("button", { name: "Remove search churn" }).click();
  await page.getByLabel("Filter by tag").fill("marketing");
  await page.getByLabel("Filter by tag").press("Enter");
  await expect(page).toHaveURL(/tags=marketing/);
  await expect(page.getByRole("link", { name: "Sports fans", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Newsletter readers", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Power users", exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove tag filter marketing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sports fans", exact: true })).toBeVisible();
  await page.getByLabel("Integration").selectOption("zeotap");
  await expect(page.getByRole("link", { name: "Newsletter readers", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sports fans", exact: true })).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Sports fans/ }).getByText("Fresh", { exact: true }),
  ).toBeVisible();
  await screenshot(page, testInfo, "segments-list");
  await page.getByRole("button", { name: "Remove tag filter marketing" }).click();
  await page.getByLabel("Integration").selectOption("any");

  await page.getByLabel("Search segments").fill("churn");
  await page.getByRole("button", { name: "Search", exact: true }).click();

  await page.getByRole("link", { name: "Churn risk", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Churn risk", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("main").getByText(/^synced by/)).toContainText("RudderStack Audiences");
  await screenshot(page, testInfo, "overview");

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
});

test("filter by sync state and add and remove a tag on several segments at once", async ({
  ownerPage: page,
}) => {
  const environment = await prisma.environment.findFirstOrThrow({
    where: { key: "production", project: { key: "default" } },
    include: { project: true },
  });
  const prefix = unique("bulk");
  const tag = unique("campaign");
  for (const suffix of ["a", "b", "c"]) {
    await createTestSegment(environment, { key: `${prefix}-${suffix}`, name: `Bulk ${prefix} ${suffix}` });
  }
  await prisma.segment.updateMany({
    where: { environmentId: environment.id, key: `${prefix}-c` },
    data: { lastSyncAt: new Date(), lastSyncStatus: "failed" },
  });

  await page.goto(`/default/production/segments?q=${prefix}`);
  await expect(page.getByRole("link", { name: new RegExp(`^Bulk ${prefix}`) })).toHaveCount(3);
  await page.getByLabel("Sync state").selectOption("failed");
  await expect(page.getByRole("link", { name: new RegExp(`^Bulk ${prefix}`) })).toHaveCount(1);
  await expect(
    page.getByRole("row", { name: new RegExp(`Bulk ${prefix} c`) }).getByText("Failed"),
  ).toBeVisible();
  await page.getByLabel("Sync state").selectOption("any");

  await page.getByLabel(`Select Bulk ${prefix} a`).check();
  await page.getByLabel(`Select Bulk ${prefix} b`).check();
  const bulk = page.getByRole("region", { name: "Bulk tag" });
  await expect(bulk).toContainText("2 selected");
  await bulk.getByLabel("Tag for the selected segments").fill(tag);
  await bulk.getByRole("button", { name: "Add tag" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Added tag “${tag}” to 2 segments.` }),
  ).toBeVisible();

  await page.goto(`/default/production/segments?tags=${tag}`);
  await expect(page.getByRole("link", { name: new RegExp(`^Bulk ${prefix}`) })).toHaveCount(2);
  await page.getByLabel("Select every segment on this page").check();
  await bulk.getByLabel("Tag for the selected segments").fill(tag);
  await bulk.getByRole("button", { name: "Remove tag" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Removed tag “${tag}” from 2 segments.` }),
  ).toBeVisible();
  await expect(page.getByText("No segment matches these filters.")).toBeVisible();
});
