import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** The impacts that fail a scan; moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/** The page has its heading and nothing still loading, so checks see what a person would. */
export async function settled(page: Page) {
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/** How far the page scrolls sideways, and where it starts: elements past the viewport's edge whose parent is not. */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
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

/** Every serious or critical axe finding on the page as one line each (rule, element, its HTML). */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? ""}) at ${node.target.join(" ")}: ${node.html.slice(0, 160)}`,
      ),
    );
}

/** Console errors and uncaught page errors from now on, each with the URL it happened on. */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/** A full-page screenshot kept in the test's output folder (test-results/e2e/…) and attached to the report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Opens every disclosure in the page (a chart's "Show data" table among them), so the checks see what it holds. */
export async function openDisclosures(page: Page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("main details")) details.setAttribute("open", "");
  });
}

/**
 * Tables wider than the box they scroll in, where that box is not the labelled, focusable region of
 * components/ui/table-scroll.tsx or the row's first (key) column does not stay pinned while the rest scrolls.
 */
export async function unpinnedScrollingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const table of document.querySelectorAll("main table")) {
      let box = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === "visible")
        box = box.parentElement;
      // A table in no scroll box widens the page itself, which the sideways check reports.
      if (!box || box === document.body || box.scrollWidth <= box.clientWidth) continue;
      const name = table.querySelector("caption")?.textContent?.trim() ?? "a table without a caption";
      const isRegion =
        box.getAttribute("role") === "region" && box.hasAttribute("aria-label") && box.tabIndex === 0;
      if (!isRegion) found.push(`${name}: scrolls in a box that is not a labelled, focusable region`);
      const keyCell = table.querySelector("tbody tr > :first-child");
      if (keyCell && getComputedStyle(keyCell).position !== "sticky") {
        found.push(`${name}: its first column is not pinned while the table scrolls`);
      }
    }
    return found;
  });
}
