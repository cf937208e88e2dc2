import type { Page, TestInfo } from "@playwright/test";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Every dashboard page, by a URL that shows it with data (`{segment}` is a synced segment made for the run). */
const PAGES: readonly [string, string][] = [
  ["projects", "/projects"],
  ["project", "/projects/default"],
  ["segments", "/default/production/segments"],
  ["segment-overview", "{segment}"],
  ["segment-members", "{segment}/members"],
  ["segment-sync", "{segment}/sync"],
  ["segment-history", "{segment}/history"],
  ["segment-settings", "{segment}/settings"],
  ["activity", "/default/production/activity"],
  ["stores", "/default/production/stores"],
  ["tokens", "/settings/tokens"],
  ["members", "/settings/members"],
  ["roles", "/settings/roles"],
  ["audit", "/settings/audit"],
  ["account", "/settings/account"],
  ["api-docs", "/docs/api"],
];

/** The page has its heading and nothing still loading. */
async function settled(page: Page) {
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/** How far the page scrolls sideways, and where it starts: elements past the viewport's edge whose parent is not. */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const scrolling = document.scrollingElement ?? document.documentElement;
    const width = scrolling.clientWidth;
    const insideScrollBox = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => (element.parentElement?.getBoundingClientRect().right ?? 0) <= width + 1)
      .filter((element) => !insideScrollBox(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 80)}`);
    return { overflow: scrolling.scrollWidth - width, culprits };
  });
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** A synced segment with two pushes, so its charts, tables and history have rows. */
async function syncedSegmentUrl(request: Parameters<typeof clientSideId>[0]): Promise<string> {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("phone");
  for (const add of [["phone-a", "phone-b"], ["phone-c"]]) {
    await pushRudderstack(request, token, { environmentId, cohortId, add });
  }
  return `/default/production/segments/rudderstack-${cohortId}`;
}

for (const [sizeName, size] of [
  ["390x844", PHONE],
  ["1280x800", DESKTOP],
] as const) {
  test(`no dashboard page scrolls sideways at ${sizeName}, and each is kept as a screenshot`, async ({
    ownerPage: page,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const segment = await syncedSegmentUrl(request);
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    await page.setViewportSize(size);
    const problems: string[] = [];
    for (const [name, url] of PAGES) {
      await page.goto(url.replace("{segment}", segment));
      await settled(page);
      const { overflow, culprits } = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`${name} scrolls ${overflow}px sideways: ${culprits.join(", ")}`);
      await keepScreenshot(page, testInfo, `${name}-${sizeName}`);
    }
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test("on a phone the header is one Menu button that opens, closes with Escape and signs out", async ({
  page,
}) => {
  // Signing out ends every session of the member: a member of its own, so the owner's saved session lives on.
  const { member, password } = await createTestMember({ role: "reader" });
  await page.setViewportSize(PHONE);
  await signIn(page, member.email, password);

  const menuButton = page.getByRole("button", { name: "Menu" });
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(signOut).toBeHidden();

  await menuButton.click();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const mainNavigation = page.getByRole("navigation", { name: "Main" });
  await expect(mainNavigation.getByRole("link", { name: "Projects" })).toBeFocused();
  await expect(signOut).toBeInViewport();

  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton).toBeFocused();
  await expect(signOut).toBeHidden();

  // A link in the menu navigates and the menu closes behind it.
  await menuButton.click();
  await mainNavigation.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  await menuButton.click();
  await signOut.click();
  await expect(page).toHaveURL(/\/login/);
});

test("on a phone the segment tabs scroll in their own row and every tab can be reached", async ({
  ownerPage: page,
  request,
}) => {
  const segment = await syncedSegmentUrl(request);
  await page.setViewportSize(PHONE);
  await page.goto(segment);
  await settled(page);
  const tabs = page.getByRole("navigation", { name: "Segment" });
  const settings = tabs.getByRole("link", { name: "Settings" });
  await settings.scrollIntoViewIfNeeded();
  await expect(settings).toBeInViewport();
  await settings.click();
  await expect(page).toHaveURL(/\/settings$/);
  expect((await sidewaysOverflow(page)).overflow).toBe(0);
});

test("a wide table scrolls inside its own labelled box with its name column pinned", async ({
  ownerPage: page,
  request,
}) => {
  await syncedSegmentUrl(request);
  await page.setViewportSize(PHONE);
  await page.goto("/default/production/segments");
  await settled(page);
  const box = page.getByRole("region", { name: "Segments", exact: true });
  await expect(box).toHaveAttribute("tabindex", "0");
  const { scrolls, boxLeft, nameLeftScrolled } = await box.evaluate((element) => {
    const nameCell = element.querySelector("tbody tr > :nth-child(2)");
    const canScroll = element.scrollWidth > element.clientWidth;
    element.scrollLeft = element.scrollWidth;
    return {
      scrolls: canScroll,
      boxLeft: element.getBoundingClientRect().left,
      nameLeftScrolled: nameCell?.getBoundingClientRect().left ?? Number.NaN,
    };
  });
  expect(scrolls).toBe(true);
  // Scrolled to the far right, an unpinned name cell would have left the box on its left side.
  expect(nameLeftScrolled).toBeGreaterThanOrEqual(boxLeft);
});
