import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";
import { PHONE, settled, sidewaysOverflow } from "../every-page/page-checks";

// Every page at 390x844 and 1280x800 (no sideways scroll, screenshots kept) is e2e/ui/every-page.spec.ts's sweep.

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
