import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";

/** Console errors and CSP violations of the page from now on (a blocked inline script shows as both). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function settled(page: Page) {
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/** Relative luminance (0 black, 1 white) of the body's background, so "dark" is a measured fact, not a class name. */
async function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue] = [...context.getImageData(0, 0, 1, 1).data].map((channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
  });
}

/** Whether <html> was already dark when <body> first existed, i.e. before anything could be painted. */
async function recordThemeAtFirstBody(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      document.documentElement.dataset.darkAtFirstBody = String(
        document.documentElement.classList.contains("dark"),
      );
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const themeSelect = (page: Page) => page.getByRole("combobox", { name: "Theme" });

test("a dark system gets dark pages, before the first paint and without a CSP violation", async ({
  ownerPage: page,
}) => {
  const errors = watchErrors(page);
  await recordThemeAtFirstBody(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/projects");
  await settled(page);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.locator("html")).toHaveAttribute("data-dark-at-first-body", "true");
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await expect(themeSelect(page)).toHaveValue("system");

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/projects");
  await settled(page);
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  expect(await bodyLuminance(page)).toBeGreaterThan(0.8);
  expect(errors).toEqual([]);
});

test("the theme toggle wins over the system and survives a reload", async ({ ownerPage: page }) => {
  const errors = watchErrors(page);
  await recordThemeAtFirstBody(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/projects");
  await settled(page);

  await themeSelect(page).selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await settled(page);
  await expect(page.locator("html")).toHaveAttribute("data-dark-at-first-body", "true");
  await expect(themeSelect(page)).toHaveValue("dark");

  await page.emulateMedia({ colorScheme: "dark" });
  await themeSelect(page).selectOption("light");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await settled(page);
  await expect(page.locator("html")).toHaveAttribute("data-dark-at-first-body", "false");
  await expect(themeSelect(page)).toHaveValue("light");

  await themeSelect(page).selectOption("system");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(errors).toEqual([]);
});

test("dark pages keep text, badges and borders readable (axe colour contrast)", async ({
  ownerPage: page,
  request,
}) => {
  test.setTimeout(120_000);
  const { value: token } = await createTestToken({ role: "writer" });
  const cohortId = unique("dark");
  await pushRudderstack(request, token, {
    environmentId: await clientSideId(request, token),
    cohortId,
    add: ["dark-a", "dark-b"],
  });
  const segment = `/default/production/segments/rudderstack-${cohortId}`;
  await page.emulateMedia({ colorScheme: "dark" });
  const findings: string[] = [];
  for (const url of [
    "/projects",
    "/default/production/segments",
    segment,
    `${segment}/sync`,
    `${segment}/history`,
    "/default/production/activity",
    "/settings/tokens",
    "/settings/audit",
  ]) {
    await page.goto(url);
    await settled(page);
    const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    for (const violation of results.violations) {
      for (const node of violation.nodes) findings.push(`${url}: ${node.html.slice(0, 120)}`);
    }
  }
  expect(findings).toEqual([]);
});

test("a time reads relative and shows the exact time on a key press or a click (a tap)", async ({
  ownerPage: page,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const cohortId = unique("time");
  await pushRudderstack(request, token, {
    environmentId: await clientSideId(request, token),
    cohortId,
    add: ["time-a"],
  });
  await page.goto(`/default/production/segments/rudderstack-${cohortId}`);
  await settled(page);
  const time = page.locator("main button:has(time)").first();
  await expect(time).toHaveText(/just now|minute/);
  await expect(time).toHaveAttribute("aria-expanded", "false");
  await time.focus();
  await page.keyboard.press("Enter");
  await expect(time).toHaveAttribute("aria-expanded", "true");
  const year = String(new Date().getFullYear());
  await expect(time.locator("xpath=..")).toContainText(
    new RegExp(`\\(\\d{1,2} \\w{3} ${year}, \\d{2}:\\d{2}:\\d{2}`),
  );
  await page.keyboard.press("Escape");
  await expect(time).toHaveAttribute("aria-expanded", "false");
  await time.click();
  await expect(time).toHaveAttribute("aria-expanded", "true");
});
