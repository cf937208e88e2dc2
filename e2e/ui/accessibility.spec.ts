import type { APIRequestContext, Page } from "@playwright/test";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { settled } from "../every-page/page-checks";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";

// Every page with no serious or critical axe finding, in both themes and sizes, is e2e/ui/every-page.spec.ts's sweep.

/** A synced segment with `syncs` pushes, each adding members, so its charts and history have data. */
async function syncedSegment(request: APIRequestContext, syncs: number): Promise<string> {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("a11y");
  for (let index = 0; index < syncs; index += 1) {
    await pushRudderstack(request, token, {
      environmentId,
      cohortId,
      add: [`user-${index}-a`, `user-${index}-b`],
    });
  }
  return `rudderstack-${cohortId}`;
}

test("a skip link is the first stop and jumps past the header to the page", async ({ ownerPage: page }) => {
  await page.goto("/projects");
  await settled(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(20);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("focus moves to the new page's heading after client-side navigation", async ({
  ownerPage: page,
  request,
}) => {
  const segmentKey = await syncedSegment(request, 1);
  await page.goto("/projects");
  await settled(page);
  await expect(page.locator("main h1")).not.toBeFocused();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.locator("main h1")).toHaveText("Access tokens");
  await expect(page.locator("main h1")).toBeFocused();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("main h1")).toHaveText("Projects");
  await expect(page.locator("main h1")).toBeFocused();

  await page.goto(`/default/production/segments/${segmentKey}`);
  await settled(page);
  await page.getByRole("navigation", { name: "Segment" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.locator("main h1")).toBeFocused();
});

/** The rows of a chart's data table, opened through its "Show data" disclosure. */
async function chartTableRows(page: Page, figureName: string) {
  const figure = page.getByRole("figure", { name: figureName });
  await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
  await figure.getByText("Show data").click();
  return figure.getByRole("table").locator("tbody tr");
}

test("the charts have one labelled scale per axis and their numbers as a table", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const oneSync = await syncedSegment(request, 1);
  const threeSyncs = await syncedSegment(request, 3);

  await page.goto(`/default/production/segments/${oneSync}`);
  const single = await chartTableRows(page, "Member count over time");
  await expect(single).toHaveCount(1);
  await expect(single.first().locator("td").first()).toHaveText("2");
  const memberChart = page.getByRole("figure", { name: "Member count over time" });
  await expect(memberChart.locator(".recharts-yAxis")).toHaveCount(1);
  // recharts draws axis labels in a layer of their own, outside the axis group: one per axis, in the chart.
  await expect(memberChart.locator("svg").getByText("Members", { exact: true })).toBeVisible();
  await expect(memberChart.locator("svg").getByText("Time of sync", { exact: true })).toBeVisible();

  await page.goto(`/default/production/segments/${threeSyncs}`);
  const several = await chartTableRows(page, "Member count over time");
  await expect(several).toHaveCount(3);
  await expect(several.locator("td:first-of-type")).toHaveText(["2", "4", "6"]);
  await expect(
    page.getByRole("figure", { name: "Member count over time" }).locator(".recharts-dot"),
  ).toHaveCount(3);
  await screenshot(page, testInfo, "member-chart");

  await page.goto("/default/production/activity");
  const hours = await chartTableRows(page, "Pushes and members per hour");
  expect(await hours.count()).toBeGreaterThanOrEqual(1);
  const activityChart = page.getByRole("figure", { name: "Pushes and members per hour" });
  await expect(activityChart.locator(".recharts-yAxis")).toHaveCount(2);
  await expect(activityChart.locator("svg").getByText("Pushes", { exact: true })).toBeVisible();
  await expect(activityChart.locator("svg").getByText("Members", { exact: true })).toBeVisible();
  await screenshot(page, testInfo, "activity-chart");
  expect(consoleErrors).toEqual([]);
});
