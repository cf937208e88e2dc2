import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";

const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Segment" }).getByRole("link", { name, exact: true });

/** A RudderStack cohort pushed once under `cohortName`; its segment's path and a way to push it again. */
async function syncedSegment(request: APIRequestContext, cohortName: string) {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("drafts");
  const push = (name: string) =>
    pushRudderstack(request, token, { environmentId, cohortId, cohortName: name, add: ["user-1"] });
  await push(cohortName);
  return { path: `/default/production/segments/rudderstack-${cohortId}`, push };
}

test("an unsaved draft asks before an in-app link or closing the tab leaves it", async ({
  ownerPage: page,
  request,
}) => {
  const segment = await syncedSegment(request, "Drafts cohort");
  await page.goto(`${segment.path}/settings`);
  const name = page.getByLabel("Segment name");
  await name.click();
  await name.pressSequentially(" (draft)");

  // A link inside the dashboard asks; staying keeps the draft.
  await tab(page, "Overview").click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toContainText("unsaved changes to the name");
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${segment.path}/settings$`));
  await expect(name).toHaveValue("Drafts cohort (draft)");

  // Closing or reloading the tab asks through the browser's own prompt; dismissing it keeps the page.
  const prompt = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const unload = await prompt;
  expect(unload.type()).toBe("beforeunload");
  await unload.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(name).toHaveValue("Drafts cohort (draft)");

  // Leaving through the dialog discards the draft.
  await tab(page, "Overview").click();
  await leave.getByRole("button", { name: "Leave and discard changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${segment.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drafts cohort");

  // With nothing unsaved, links just go.
  await tab(page, "Settings").click();
  await expect(name).toHaveValue("Drafts cohort");
  await tab(page, "Overview").click();
  await expect(page).toHaveURL(new RegExp(`${segment.path}$`));
  await expect(leave).toBeHidden();
});

test("tags: suggestions from the environment, a message naming a bad tag, a filter that ignores case", async ({
  ownerPage: page,
  request,
}) => {
  const tag = `E2E-Suggest-${unique("t").replace(/[^A-Za-z0-9-]/g, "")}`;
  const first = await syncedSegment(request, "Tagged first");
  const second = await syncedSegment(request, "Tagged second");

  await page.goto(`${first.path}/settings`);
  const tagsCard = page.getByRole("region", { name: "Tags" });
  await page.getByLabel("Segment tags").fill(tag);
  await tagsCard.getByRole("button", { name: "Save tags" }).click();
  await expect(tagsCard.getByRole("status")).toHaveText("Saved");

  await page.goto(`${second.path}/settings`);
  const input = page.getByLabel("Segment tags");
  await input.fill(`vip, ${tag.slice(0, 12).toLowerCase()}`);
  await expect(page.getByTestId("tags-suggestions").locator(`option[value="vip, ${tag}"]`)).toHaveCount(1);

  await input.fill("vip, bad tag!");
  await tagsCard.getByRole("button", { name: "Save tags" }).click();
  await expect(tagsCard.getByRole("alert")).toHaveText(
    `Tag "bad tag!" may contain only letters, digits, '.', '_' and '-'`,
  );
  await tagsCard.getByRole("button", { name: "Cancel" }).click();

  // The list filters by the tag in another case and shows it as it was saved.
  await page.goto(`/default/production/segments?tags=${encodeURIComponent(tag.toLowerCase())}`);
  const row = page.getByRole("row").filter({ hasText: "Tagged first" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(tag);
  await expect(page.getByRole("row").filter({ hasText: "Tagged second" })).toHaveCount(0);
});

test("after a hand rename, the tool's current name is shown and can be taken back, and syncs rename again", async ({
  ownerPage: page,
  request,
}) => {
  const segment = await syncedSegment(request, "Tool one");
  await page.goto(`${segment.path}/settings`);
  const nameCard = page.getByRole("region", { name: "Name" });
  await page.getByLabel("Segment name").fill("Our own name");
  await nameCard.getByRole("button", { name: "Save name" }).click();
  await expect(nameCard.getByRole("status")).toHaveText("Saved");

  await segment.push("Tool two");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our own name");
  await expect(page.getByTestId("tool-cohort-name")).toHaveText(
    "RudderStack Audiences currently calls this cohort Tool two.",
  );
  await page.getByRole("button", { name: "Use the tool's name again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tool two");
  await expect(page.getByLabel("Segment name")).toHaveValue("Tool two");
  await expect(page.getByTestId("tool-cohort-name")).toBeHidden();

  // The name follows the tool again: the header refreshes itself after the next push.
  await segment.push("Tool three");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tool three", { timeout: 15_000 });

  await tab(page, "History").click();
  await expect(page.getByText("Handed the name of segment").first()).toBeVisible();
});
