import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const PHONE = { width: 390, height: 844 };

/** The integrations the partner endpoint's body is a oneOf of, in the document's order. */
const PARTNER_INTEGRATIONS = [
  "Amplitude",
  "Twilio Segment Audiences",
  "Census",
  "RudderStack Audiences",
  "Heap",
  "Hightouch",
  "Zeotap",
  "Tealium Audiences",
];

/** Console errors, uncaught errors and CSP violations (Chrome logs a refused script, style or eval as an error). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Requests to any other host: the reference must run from the app's own bundle alone. */
function watchForeignRequests(page: Page, baseUrl: string): string[] {
  const foreign: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin)
      foreign.push(url);
  });
  return foreign;
}

/** The reference has fetched the document and drawn its operations. */
async function referenceShown(page: Page) {
  await expect(page.locator("main h1")).toHaveText("API reference");
  await expect(page.getByText("Create a project", { exact: true }).first()).toBeVisible();
}

async function seriousAxeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.html.slice(0, 120)}`),
    );
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scrolling = document.scrollingElement ?? document.documentElement;
    return scrolling.scrollWidth - scrolling.clientWidth;
  });
}

test("the API reference renders the document's operations, its auth scheme and the raw link, offline and clean", async ({
  ownerPage: page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  const foreign = watchForeignRequests(page, baseURL ?? "http://localhost");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/docs/api");
  await referenceShown(page);

  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toHaveAttribute(
    "href",
    "/api/openapi.json",
  );
  const authentication = page.getByRole("region", { name: "Authentication" });
  await expect(authentication).toContainText("Authorization: Bearer <token>");
  await expect(authentication).toContainText("Authorization: <token>");
  await expect(authentication).toContainText("ApiToken");
  // Operations name the scheme they need; the reference documents requests but does not send them.
  await expect(page.locator(".scalar-app").getByText("Auth Required").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Test Request/ })).toHaveCount(0);

  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test("the partner endpoint's body lists the eight integrations", async ({ ownerPage: page }) => {
  const errors = watchErrors(page);
  await page.goto("/docs/api#tag/sync/POST/api/v2/segment-targets/{integrationKey}");
  const operation = page.locator('[id$="tag/sync/POST/api/v2/segment-targets/{integrationKey}"]');
  await expect(operation.getByText("Push a partner's cohort membership").first()).toBeVisible();
  await operation
    .getByRole("button", { name: /Amplitude/ })
    .first()
    .click();
  await expect(page.getByRole("listbox").getByRole("option")).toHaveText(PARTNER_INTEGRATIONS);
  await page.keyboard.press("Escape");
  expect(errors).toEqual([]);
});

test("the reference follows the dashboard's dark theme and stays readable", async ({ ownerPage: page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/docs/api");
  await referenceShown(page);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.locator("body")).toHaveClass(/\bdark-mode\b/);
  expect(await seriousAxeFindings(page)).toEqual([]);

  // Switching the dashboard's theme switches the reference without a reload.
  await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
  await expect(page.locator("body")).toHaveClass(/\blight-mode\b/);
  await expect(page.locator("body")).not.toHaveClass(/\bdark-mode\b/);
  expect(errors).toEqual([]);
});

test("on a phone the reference does not scroll sideways", async ({ ownerPage: page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize(PHONE);
  await page.goto("/docs/api");
  await expect(page.locator("main h1")).toHaveText("API reference");
  await expect(page.locator(".scalar-app").getByText("Tributary API").first()).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(errors).toEqual([]);
});
