import { readFile } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";

/** A push whose answer the test reads itself (the shared helper expects 204). */
function rudderstackPush(request: APIRequestContext, token: string, environmentId: string, cohortId: string) {
  return request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      { environmentId, cohortId, cohortName: `Audience ${cohortId}` },
      ["user-1"],
    ),
  });
}

test("sync run rows carry the reason, the panel groups skipped ids, filters live in the URL, no sideways scroll", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { value: writer } = await createTestToken({ role: "writer" });
  const { value: reader } = await createTestToken({ role: "reader" });
  const environmentId = await clientSideId(request, writer);
  const partialCohort = unique("runs");
  const refusedCohort = unique("runs-refused");
  await pushRudderstack(request, writer, {
    environmentId,
    cohortId: partialCohort,
    add: ["ok-1", "", "bad\u0001id", "", "ok-2"],
  });
  // A reader may not create segments: the push is refused and recorded as a failed run.
  const refused = await rudderstackPush(request, reader, environmentId, refusedCohort);
  expect(refused.status()).toBe(403);
  const refusal = ((await refused.json()) as { message: string }).message;

  await page.goto("/default/production/activity");
  const runs = page.getByRole("region", { name: "Sync runs" });
  const failedRow = runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${refusedCohort}` });
  await expect(failedRow).toContainText("Failed");
  await expect(failedRow.getByTestId("sync-run-reason")).toHaveText(refusal);
  const partialRow = runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${partialCohort}` });
  await expect(partialRow).toContainText("Partially applied");
  await expect(partialRow.getByTestId("sync-run-counts")).toHaveText("+2 −0 · 3 skipped");

  // The table fits a 1280 px window: neither the page nor the table's own box scrolls sideways.
  const table = runs.getByTestId("sync-run-table");
  expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  const wrapper = table.locator("xpath=..");
  expect(await wrapper.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(
    0,
  );
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, "sync-runs-table");

  await partialRow.getByRole("button", { name: /^Details/ }).click();
  const panel = page.getByRole("dialog", { name: "Sync run details" });
  await expect(panel).toBeVisible();
  const groups = panel.getByTestId("skipped-group");
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toContainText("empty (2)");
  await expect(groups.nth(0)).toContainText("position 2");
  await expect(groups.nth(0)).toContainText("position 4");
  await expect(groups.nth(1)).toContainText("contains control characters (1)");
  await expect(groups.nth(1)).toContainText("position 3");
  const downloading = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download skipped ids (CSV)" }).click();
  const download = await downloading;
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\r\n")).toEqual([
    "id,reason,position",
    ",empty,2",
    "bad\u0001id,contains control characters,3",
    ",empty,4",
    "",
  ]);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(partialRow.getByRole("button", { name: /^Details/ })).toBeFocused();

  // Filters go into the URL, survive a reload, and Back undoes the last one.
  await runs.getByLabel("Status").selectOption("partially_applied");
  await expect(page).toHaveURL(/[?&]status=partially_applied/);
  await runs.getByLabel("Segment key").fill(`rudderstack-${partialCohort}`);
  await runs.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]segment=rudderstack-${partialCohort}`));
  await expect(runs.getByTestId("sync-run-row")).toHaveCount(1);
  await page.reload();
  await expect(runs.getByLabel("Status")).toHaveValue("partially_applied");
  await expect(runs.getByLabel("Segment key")).toHaveValue(`rudderstack-${partialCohort}`);
  await expect(runs.getByTestId("sync-run-row")).toHaveCount(1);
  await expect(runs.getByTestId("sync-run-row")).toContainText(`rudderstack-${partialCohort}`);
  await page.goBack();
  await expect(page).not.toHaveURL(/segment=/);
  await expect(runs.getByLabel("Status")).toHaveValue("partially_applied");
  await expect(runs.getByLabel("Segment key")).toHaveValue("");
});
