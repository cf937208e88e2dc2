import type { Browser, Page } from "@playwright/test";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { unique } from "@/tests/factories/unique";
import { E2E } from "../e2e-config";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways (0 when it fits the viewport). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scrolling = document.scrollingElement ?? document.documentElement;
    return scrolling.scrollWidth - scrolling.clientWidth;
  });
}

/** A project with a readable name and a named segment in its Production environment. */
async function namedPlace(label: string) {
  const { project, production } = await createTestProject();
  const projectName = `${label} ${unique("app")}`;
  await prisma.project.update({ where: { id: project.id }, data: { name: projectName } });
  const segment = await createTestSegment(production, { name: "Checkout beta" });
  return {
    projectKey: project.key,
    projectName,
    segmentKey: segment.key,
    segmentPath: `/${project.key}/production/segments/${segment.key}`,
  };
}

/** Signs the owner in on the sign-in page the browser is on (a fresh context: the saved session is not used). */
async function signInHere(page: Page) {
  rememberSecret(E2E.ownerPassword);
  await page.getByLabel("Email").fill(E2E.ownerEmail);
  await page.getByLabel("Password").fill(E2E.ownerPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl });
  return { context, page: await context.newPage() };
}

test("the switcher lists projects and environments by name and switches at 1280 px", async ({
  ownerPage: page,
}) => {
  const place = await namedPlace("Mobile app");
  await page.goto("/projects");
  const switcher = page.getByRole("button", { name: /Project and environment/ });
  await expect(switcher).toContainText("Choose a project");
  await switcher.click();
  await expect(switcher).toHaveAttribute("aria-expanded", "true");
  const environments = page.getByRole("list", { name: `${place.projectName} environments` });
  await environments.getByRole("link", { name: "Production" }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/${place.projectKey}/production/segments`);
  await expect(switcher).toContainText(`${place.projectName} / Production`);
  await expect(switcher).toHaveAttribute("aria-expanded", "false");

  await switcher.click();
  await expect(environments.getByRole("link", { name: "Production" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await page
    .getByRole("list", { name: `${place.projectName} environments` })
    .getByRole("link", { name: "Test" })
    .click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/${place.projectKey}/test/segments`);
  await expect(switcher).toContainText(`${place.projectName} / Test`);
});

test("on a phone the switcher sits in the Menu and switches without sideways scroll", async ({
  ownerPage: page,
}) => {
  const place = await namedPlace("Phone app");
  await page.setViewportSize(PHONE);
  await page.goto("/projects");
  const switcher = page.getByRole("button", { name: /Project and environment/ });
  await expect(switcher).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(switcher).toBeInViewport();
  await switcher.click();
  const environments = page.getByRole("list", { name: `${place.projectName} environments` });
  await environments.scrollIntoViewIfNeeded();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await environments.getByRole("link", { name: "Production" }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/${place.projectKey}/production/segments`);
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(switcher).toContainText(`${place.projectName} / Production`);
});

test("breadcrumbs name the project, environment and segment, and titles say where the page is", async ({
  ownerPage: page,
}) => {
  const place = await namedPlace("Breadcrumb app");
  const suffix = `Production · ${place.projectName} · Tributary`;

  await page.goto(place.segmentPath);
  const trail = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(trail.getByRole("link")).toHaveText(["Projects", place.projectName, "Production", "Segments"]);
  await expect(trail.locator('[aria-current="page"]')).toHaveText("Checkout beta");
  await expect(page).toHaveTitle(`Checkout beta · Segments · ${suffix}`);

  await page.getByRole("navigation", { name: "Segment" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveTitle(`Members · Checkout beta · Segments · ${suffix}`);

  await trail.getByRole("link", { name: "Segments" }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/${place.projectKey}/production/segments`);
  await expect(page).toHaveTitle(`Segments · ${suffix}`);
  await expect(trail.getByRole("link")).toHaveText(["Projects", place.projectName, "Production"]);
  await expect(trail.locator('[aria-current="page"]')).toHaveText("Segments");

  await page.goto(`/${place.projectKey}/production/activity`);
  await expect(page).toHaveTitle(`Sync activity · ${suffix}`);
  await expect(trail.getByRole("link", { name: "Production" })).toBeVisible();

  await trail.getByRole("link", { name: place.projectName }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/projects/${place.projectKey}`);
  await expect(page).toHaveTitle(`${place.projectName} · Projects · Tributary`);
  await expect(trail.locator('[aria-current="page"]')).toHaveText(place.projectName);
});

test("a deep link survives sign-in", async ({ browser }) => {
  const place = await namedPlace("Deep link app");
  const { context, page } = await freshPage(browser);
  const deepLink = `${place.segmentPath}/members`;
  await page.goto(deepLink);
  await expect(page).toHaveURL(`${E2E.baseUrl}/login?callbackUrl=${encodeURIComponent(deepLink)}`);
  await signInHere(page);
  await expect(page).toHaveURL(`${E2E.baseUrl}${deepLink}`);
  await expect(page.getByRole("heading", { name: "Checkout beta" })).toBeVisible();
  await context.close();
});

test("a callbackUrl that is not a relative path on this origin goes to the start page", async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  for (const hostile of [
    "https://evil.example/x",
    "//evil.example/x",
    "/\\evil.example/x",
    `${E2E.baseUrl}/settings/tokens`,
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await signInHere(page);
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
    await expect(page, hostile).toHaveURL(`${E2E.baseUrl}/projects`);
  }
  await context.close();
});

test("an unknown project, environment or segment is a 404 page without segment chrome or polling", async ({
  ownerPage: page,
}) => {
  const place = await namedPlace("Missing app");
  for (const path of [
    `/${place.projectKey}/production/segments/${unique("missing")}`,
    `/${place.projectKey}/${unique("nope")}/segments`,
    `/${unique("nope")}/production/activity`,
    `/projects/${unique("nope")}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Segment" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveCount(0);
  }

  // Timers run on a fake clock: a minute of them passes at once, and any polling would have asked the API by then.
  await page.clock.install();
  const response = await page.goto(`/${place.projectKey}/production/segments/${unique("missing")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const apiRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) apiRequests.push(request.url());
  });
  await page.clock.runFor(60_000);
  // A request made after the timers ran: once it is answered, any request they made has been seen.
  expect(await page.evaluate(() => fetch("/icon.svg").then((answer) => answer.status))).toBe(200);
  expect(apiRequests).toEqual([]);
});

test("the projects page keeps its search, order and page in the URL", async ({ ownerPage: page }) => {
  const marker = unique("paged");
  // One more than a page, named out of creation order.
  for (let index = 0; index < 21; index += 1) {
    const { project } = await createTestProject();
    const name = `${marker} ${String.fromCharCode(97 + ((index * 5) % 21))}`;
    await prisma.project.update({ where: { id: project.id }, data: { name } });
  }
  await page.goto("/projects");
  await page.getByRole("searchbox", { name: "Search projects" }).fill(marker);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/projects?q=${marker}`);
  const pager = page.getByRole("navigation", { name: "Project pages" });
  await expect(pager).toContainText("1–20 of 21");

  await page.getByLabel("Sort").selectOption("name");
  await expect(page).toHaveURL(`${E2E.baseUrl}/projects?q=${marker}&sort=name`);
  const names = page.getByRole("list", { name: "Projects" }).locator(":scope > li > a");
  await expect(names.first()).toHaveText(`${marker} a`);

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(`${E2E.baseUrl}/projects?q=${marker}&sort=name&offset=20`);
  await expect(names).toHaveText([`${marker} u`]);
  await expect(pager).toContainText("21–21 of 21");

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search projects" })).toHaveValue(marker);
  await expect(page.getByLabel("Sort")).toHaveValue("name");
  await expect(names).toHaveText([`${marker} u`]);

  await page.getByLabel("Sort").selectOption("-name");
  await expect(page).toHaveURL(`${E2E.baseUrl}/projects?q=${marker}&sort=-name`);
  await expect(names.first()).toHaveText(`${marker} u`);

  await page.getByRole("searchbox", { name: "Search projects" }).fill(`${marker}-none`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No matching projects")).toBeVisible();
});

test("the app has a favicon and pages load without a 404 or console error", async ({ ownerPage: page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
