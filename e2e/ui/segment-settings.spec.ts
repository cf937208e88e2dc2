import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import type { Page } from "@playwright/test";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";

const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Segment" }).getByRole("link", { name, exact: true });

test("edit name, description and tags; each persists, a later sync keeps them, and the count follows the push", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  // Every tab is visited and photographed: longer than one screen's worth of steps.
  test.setTimeout(150_000);
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("aud");
  const segmentPath = `/default/production/segments/rudderstack-${cohortId}`;
  await pushRudderstack(request, token, {
    environmentId,
    cohortId,
    add: ["user-1", "user-2"],
  });

  await page.goto(`${segmentPath}/settings`);
  await expect(tab(page, "Settings")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("note")).toContainText(
    "later syncs from RudderStack Audiences do not change them",
  );
  await expect(page.getByLabel("Segment key")).toHaveValue(`rudderstack-${cohortId}`);
  await expect(page.getByLabel("Segment key")).not.toBeEditable();

  const nameCard = page.getByRole("region", { name: "Name" });
  await expect(nameCard.getByRole("button", { name: "Save name" })).toBeDisabled();
  await page.getByLabel("Segment name").fill("Churn risk, edited by hand");
  await nameCard.getByRole("button", { name: "Save name" }).click();
  await expect(nameCard.getByRole("status")).toHaveText("Saved");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Churn risk, edited by hand");

  const descriptionCard = page.getByRole("region", { name: "Description" });
  await page.getByLabel("Segment description").fill("Accounts likely to cancel this month");
  await descriptionCard.getByRole("button", { name: "Save description" }).click();
  await expect(descriptionCard.getByRole("status")).toHaveText("Saved");

  const tagsCard = page.getByRole("region", { name: "Tags" });
  await page.getByLabel("Segment tags").fill("retention, e2e-settings");
  await tagsCard.getByRole("button", { name: "Save tags" }).click();
  await expect(tagsCard.getByRole("status")).toHaveText("Saved");

  await page.getByLabel("Segment tags").fill("not a tag!");
  await tagsCard.getByRole("button", { name: "Save tags" }).click();
  await expect(tagsCard.getByRole("alert")).toContainText("letters, digits");
  await tagsCard.getByRole("button", { name: "Cancel" }).click();

  await page.reload();
  await expect(page.getByLabel("Segment name")).toHaveValue("Churn risk, edited by hand");
  await expect(page.getByLabel("Segment description")).toHaveValue("Accounts likely to cancel this month");
  await expect(page.getByLabel("Segment tags")).toHaveValue("retention, e2e-settings");
  await expect(page.getByRole("note")).toContainText("Edited here so far: name, description, tags.");
  await screenshot(page, testInfo, "tab-settings");

  // The tool pushes again, with its own cohort name, while the Overview is open.
  await tab(page, "Overview").click();
  await expect(page.getByTestId("segment-member-count")).toHaveText("2 members");
  await pushRudderstack(request, token, {
    environmentId,
    cohortId,
    cohortName: "Churn risk (from the tool)",
    add: ["user-3", "user-4", "user-5"],
  });
  await expect(page.getByTestId("segment-member-count")).toHaveText("5 members", { timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Last sync" })).toContainText("3 added", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Churn risk, edited by hand");
  await expect(page.getByRole("region", { name: "Description and tags" })).toContainText(
    "Accounts likely to cancel this month",
  );
  await expect(page.getByRole("figure", { name: "Member count over time" })).toContainText("2 syncs");
  await screenshot(page, testInfo, "tab-overview");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Churn risk, edited by hand");

  await tab(page, "History").click();
  const history = page.getByRole("list", { name: "Changes" });
  await expect(history.getByRole("listitem").first()).toContainText("sync");
  await expect(history.getByRole("listitem", { name: /Updated name of segment/ })).toContainText(
    "Churn risk, edited by hand",
  );
  await expect(history.getByRole("listitem", { name: /Updated tags of segment/ })).toContainText(
    "e2e-settings",
  );
  await screenshot(page, testInfo, "tab-history");

  await tab(page, "Members").click();
  await expect(
    page.getByRole("region", { name: "Members" }).getByText("5 members", { exact: true }),
  ).toBeVisible();
  await screenshot(page, testInfo, "tab-members");

  await tab(page, "Sync").click();
  await expect(page.getByRole("region", { name: "Sync runs" }).getByTestId("sync-run-row")).toHaveCount(2);
  await screenshot(page, testInfo, "tab-sync");
});

test("a save over someone else's change is refused with their value one reload away", async ({
  ownerPage: page,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("aud");
  const segmentKey = `rudderstack-${cohortId}`;
  await pushRudderstack(request, token, { environmentId, cohortId, add: ["user-1"] });

  await page.goto(`/default/production/segments/${segmentKey}/settings`);
  await page.getByLabel("Segment name").fill("My name for it");

  const theirs = await request.patch(`/api/v2/segments/default/production/${segmentKey}`, {
    headers: { Authorization: token },
    data: [{ op: "replace", path: "/name", value: "Their name for it" }],
  });
  expect(theirs.status()).toBe(200);
  // A change to another setting does not get in the way of a name save.
  const otherSetting = await request.patch(`/api/v2/segments/default/production/${segmentKey}`, {
    headers: { Authorization: token },
    data: [{ op: "replace", path: "/description", value: "Set by someone else" }],
  });
  expect(otherSetting.status()).toBe(200);

  const nameCard = page.getByRole("region", { name: "Name" });
  await nameCard.getByRole("button", { name: "Save name" }).click();
  const conflict = nameCard.getByRole("alert");
  await expect(conflict).toContainText("Someone else changed the name while you were editing");
  await expect(page.getByLabel("Segment name")).toHaveValue("My name for it");
  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByLabel("Segment name")).toHaveValue("Their name for it");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Their name for it");

  await page.getByLabel("Segment description").fill("Mine, after theirs");
  await page
    .getByRole("region", { name: "Description" })
    .getByRole("button", { name: "Save description" })
    .click();
  await expect(page.getByRole("region", { name: "Description" }).getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByLabel("Segment description")).toHaveValue("Mine, after theirs");
});

test("delete a segment from the danger zone after typing its key", async ({ ownerPage: page, request }) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("aud");
  const segmentKey = `rudderstack-${cohortId}`;
  await pushRudderstack(request, token, {
    environmentId,
    cohortId,
    add: ["user-1", "user-2"],
  });

  await page.goto(`/default/production/segments/${segmentKey}/settings`);
  await page.getByRole("button", { name: "Delete segment" }).click();
  const dialog = page.getByRole("dialog", { name: /^Delete / });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete this segment" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the segment key/).fill("not-the-key");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the segment key/).fill(segmentKey);
  await confirm.click();

  await expect(page).toHaveURL(/\/default\/production\/segments$/);
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  const gone = await request.get(`/api/v2/segments/default/production/${segmentKey}`, {
    headers: { Authorization: token },
  });
  expect(gone.status()).toBe(404);
});

test("a reader sees the settings but every control says why it is disabled", async ({ page, request }) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("aud");
  await pushRudderstack(request, token, { environmentId, cohortId, add: ["user-1"] });
  const { member, password } = await createTestMember({ role: "reader" });
  await signIn(page, member.email, password);

  await page.goto(`/default/production/segments/rudderstack-${cohortId}/settings`);
  await expect(page.getByLabel("Segment name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save name" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete segment" })).toBeDisabled();
  // Said once, in words, for the whole page; the engine's reason is one click away (e2e/ui/permission-notice.spec.ts).
  await expect(page.getByRole("note", { name: "Permissions" })).toContainText(
    "delete segments in Production",
  );
});
