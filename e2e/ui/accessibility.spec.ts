import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";

/** The impacts that fail the scan; moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Findings in files another change owns, excluded by rule and element only (every other rule still runs on that element,
 * and the rule still runs everywhere else). Each names why; remove it when that change lands.
 */
const EXCLUDED_FINDINGS: readonly { rule: string; selector: string; why: string }[] = [];

type Finding = { page: string; rule: string; impact: string; target: string; html: string };

async function isExcluded(page: Page, rule: string, target: string): Promise<boolean> {
  const selectors = EXCLUDED_FINDINGS.filter((excluded) => excluded.rule === rule).map(
    (excluded) => excluded.selector,
  );
  if (selectors.length === 0) return false;
  return page
    .locator(target)
    .first()
    .evaluate((element, candidates) => candidates.some((selector) => element.matches(selector)), selectors);
}

async function seriousFindings(page: Page, name: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const findings = results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map((node) => ({
        page: name,
        rule: violation.id,
        impact: violation.impact ?? "",
        target: node.target.join(" "),
        html: node.html.slice(0, 160),
      })),
    );
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (!(await isExcluded(page, finding.rule, finding.target))) kept.push(finding);
  }
  return kept;
}

/** The page has its heading and nothing still loading, so axe sees what a person would. */
async function settled(page: Page) {
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

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

test("the main pages have no serious or critical axe violation", async ({ ownerPage: page, request }) => {
  test.setTimeout(180_000);
  const segmentKey = await syncedSegment(request, 3);
  const segment = `/default/production/segments/${segmentKey}`;
  const pages: readonly [string, string][] = [
    ["Projects", "/projects"],
    ["Project", "/projects/default"],
    ["Segments", "/default/production/segments"],
    ["Segment overview", segment],
    ["Segment members", `${segment}/members`],
    ["Segment sync", `${segment}/sync`],
    ["Segment history", `${segment}/history`],
    ["Segment settings", `${segment}/settings`],
    ["Sync activity", "/default/production/activity"],
    ["Persistent stores", "/default/production/stores"],
    ["Roles", "/settings/roles"],
    ["Tokens", "/settings/tokens"],
    ["Audit log", "/settings/audit"],
    ["Members", "/settings/members"],
    ["Account", "/settings/account"],
    ["API docs", "/docs/api"],
  ];
  const findings: Finding[] = [];
  for (const [name, url] of pages) {
    await page.goto(url);
    await settled(page);
    findings.push(...(await seriousFindings(page, name)));
  }
  expect(findings).toEqual([]);
});

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
