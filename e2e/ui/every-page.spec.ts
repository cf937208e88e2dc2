import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { prisma } from "@/lib/server/db";
import { storePasswordLink } from "@/lib/server/invites/store-password-link";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { appPagePatterns, EVERY_PAGE, type SweepData, type SweptPage } from "../every-page/app-pages";
import {
  DESKTOP,
  keepScreenshot,
  openDisclosures,
  PHONE,
  seriousAxeFindings,
  settled,
  sidewaysOverflow,
  unpinnedScrollingTables,
  watchConsoleErrors,
} from "../every-page/page-checks";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";
import { rememberSecret } from "../secrets";

/**
 * Issue #19's sweep: every page of the app at 1280x800 and 390x844, in the light and the dark theme, with a real
 * segment whose tables and charts have rows. A page fails on any sideways scroll, a wide table that does not scroll in
 * its own box with its key column pinned, any serious or critical axe finding, or a console error; each is kept as a
 * full-page screenshot.
 */

const SIZES = [
  ["1280x800", DESKTOP],
  ["390x844", PHONE],
] as const;
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

/** A name as long as the ones people give audiences, so wrapping is tested too. */
const LONG_COHORT_NAME = "Churn risk: customers who have not opened the app for thirty days (EU, paid plans)";

async function seedSegment(request: APIRequestContext) {
  const { value: writer } = await createTestToken({ role: "writer" });
  const { value: reader } = await createTestToken({ role: "reader" });
  const environmentId = await clientSideId(request, writer);
  const cohortId = unique("every-page");
  const cohort = { environmentId, cohortId, cohortName: LONG_COHORT_NAME };
  await pushRudderstack(request, writer, {
    ...cohort,
    add: ["every-page-a", "every-page-b", "every-page-c"],
  });
  // Two ids are skipped (empty, a control character): a partly applied run with skipped members to show.
  await pushRudderstack(request, writer, { ...cohort, add: ["every-page-d", "", "bad\u0001id"] });
  // A reader may not change segments: the push is refused and kept as this segment's failed run.
  const refused = await request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: reader },
    data: buildPartnerPayload(INTEGRATIONS.rudderstack, cohort, ["every-page-e"]),
  });
  expect(refused.status()).toBe(403);
  return `/default/production/segments/rudderstack-${cohortId}`;
}

/** A working link of each kind, stored the way the app stores them (their pages are viewed without a session). */
async function seedLinks(): Promise<{ invitePath: string; resetPath: string }> {
  const pending = await prisma.member.create({
    data: { email: `${unique("every-page-invitee")}@e2e.test`, role: "reader", passwordHash: null },
  });
  const { member } = await createTestMember({ role: "reader" });
  const invite = await storePasswordLink(prisma, pending.id, "invite");
  const reset = await storePasswordLink(prisma, member.id, "reset");
  rememberSecret(invite.secret);
  rememberSecret(reset.secret);
  return { invitePath: `/invite/${invite.secret}`, resetPath: `/reset/${reset.secret}` };
}

// Made once for the whole sweep (the tests of this file run in order in one worker), not once per page or test.
let seeded: Promise<SweepData> | undefined;
function sweepData(request: APIRequestContext): Promise<SweepData> {
  seeded ??= (async () => ({
    segmentPath: await seedSegment(request),
    memberKey: "every-page-a",
    ...(await seedLinks()),
  }))();
  return seeded;
}

/**
 * Shows the page in the theme. Link pages count every view against the link limits (10 a minute per address), so the
 * dark theme is put on them the way the boot script would, without a second view; every other page is loaded again.
 */
async function showInTheme(page: Page, url: string, theme: Theme, viewsCount: boolean) {
  await page.emulateMedia({ colorScheme: theme });
  if (theme === "light" || !viewsCount) {
    await page.goto(url);
    return;
  }
  await page.evaluate(() =>
    document.documentElement.classList.toggle("dark", matchMedia("(prefers-color-scheme: dark)").matches),
  );
}

/** The checks of one page in one size and theme; what fails is returned as lines, so one run reports every page. */
async function sweepPage(
  page: Page,
  testInfo: TestInfo,
  swept: SweptPage,
  data: SweepData,
  theme: Theme,
  label: string,
): Promise<string[]> {
  const problems: string[] = [];
  await settled(page);
  if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  const shown = swept.shows?.(data);
  if (shown !== undefined) await expect(page.locator("main").locator(shown).first()).toBeVisible();
  await openDisclosures(page);
  const { overflow, culprits } = await sidewaysOverflow(page);
  if (overflow > 0) problems.push(`${label} scrolls ${overflow}px sideways: ${culprits.join(", ")}`);
  for (const table of await unpinnedScrollingTables(page)) problems.push(`${label} ${table}`);
  for (const finding of await seriousAxeFindings(page)) problems.push(`${label} axe ${finding}`);
  await keepScreenshot(page, testInfo, label);
  return problems;
}

test("the sweep lists every page on disk", () => {
  expect(Object.keys(EVERY_PAGE).sort()).toEqual(appPagePatterns());
});

for (const [sizeName, size] of SIZES) {
  for (const theme of THEMES) {
    test(`every signed-in page at ${sizeName} in the ${theme} theme: no sideways scroll, no serious axe finding, no console error`, async ({
      ownerPage: page,
      request,
    }, testInfo) => {
      test.setTimeout(480_000);
      const data = await sweepData(request);
      const consoleErrors = watchConsoleErrors(page);
      await page.setViewportSize(size);
      const problems: string[] = [];
      for (const swept of Object.values(EVERY_PAGE).filter((each) => each.session === "owner")) {
        await showInTheme(page, swept.url(data), theme, false);
        problems.push(
          ...(await sweepPage(page, testInfo, swept, data, theme, `${swept.name}-${sizeName}-${theme}`)),
        );
      }
      expect(problems).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }

  test(`every signed-out page at ${sizeName} in both themes: no sideways scroll, no serious axe finding, no console error`, async ({
    page,
    request,
  }, testInfo) => {
    const data = await sweepData(request);
    const consoleErrors = watchConsoleErrors(page);
    await page.setViewportSize(size);
    const problems: string[] = [];
    for (const swept of Object.values(EVERY_PAGE).filter((each) => each.session === "none")) {
      const isLinkPage = swept.url(data) !== "/login";
      for (const theme of THEMES) {
        await showInTheme(page, swept.url(data), theme, isLinkPage);
        problems.push(
          ...(await sweepPage(page, testInfo, swept, data, theme, `${swept.name}-${sizeName}-${theme}`)),
        );
      }
    }
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
