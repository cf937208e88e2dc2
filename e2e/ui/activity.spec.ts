import type { APIRequestContext } from "@playwright/test";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";

async function pushRudderstack(
  request: APIRequestContext,
  token: string,
  environmentId: string,
  cohortId: string,
) {
  return request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      { environmentId, cohortId, cohortName: `Audience ${cohortId}` },
      ["user-1", "user-2", "user-3"],
    ),
  });
}

test("the activity page lists failures first, charts pushes per hour and filters runs", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const { value: writer } = await createTestToken({ role: "writer" });
  const { value: reader } = await createTestToken({ role: "reader" });
  const environment = await request.get("/api/v2/projects/default/environments/production", {
    headers: { Authorization: writer },
  });
  const { clientSideId } = (await environment.json()) as { clientSideId: string };
  const applied = unique("act");
  const refused = unique("act-refused");
  expect((await pushRudderstack(request, writer, clientSideId, applied)).status()).toBe(204);
  // A reader may not create segments: the push is refused and recorded as a failed run.
  expect((await pushRudderstack(request, reader, clientSideId, refused)).status()).toBe(403);

  await page.goto("/default/production/activity");
  await expect(page.getByRole("heading", { name: "Sync activity" })).toBeVisible();

  const failures = page.getByRole("region", { name: "Recent failures" });
  const failedRow = failures.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${refused}` });
  await expect(failedRow).toContainText("Failed");
  await failedRow.getByRole("button", { name: /^Details/ }).click();
  const panel = page.getByRole("dialog", { name: "Sync run details" });
  await expect(panel.getByText("forbidden")).toBeVisible();
  await panel.getByRole("button", { name: "Close dialog" }).click();
  await expect(panel).toBeHidden();

  await expect(page.getByRole("figure", { name: "Pushes and members per hour" })).toBeVisible();
  await expect(
    page.getByText(/push(es)? with .* members? and .* failures? in the last 48 hours/),
  ).toBeVisible();

  const runs = page.getByRole("region", { name: "Sync runs" });
  await expect(runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${applied}` })).toContainText(
    "Succeeded",
  );

  await runs.getByLabel("Status").selectOption("failed");
  await expect(runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${applied}` })).toHaveCount(0);
  await expect(runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${refused}` })).toHaveCount(1);
  for (const row of await runs.getByTestId("sync-run-row").all()) await expect(row).toContainText("Failed");

  await runs.getByLabel("Status").selectOption("");
  await runs.getByLabel("Source").selectOption("import");
  await expect(runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${applied}` })).toHaveCount(0);
  await runs.getByLabel("Source").selectOption("rudderstack");
  await expect(runs.getByTestId("sync-run-row").filter({ hasText: `rudderstack-${applied}` })).toHaveCount(1);

  await runs.getByRole("link", { name: `rudderstack-${applied}` }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/rudderstack-${applied}/sync$`));

  await page.goto("/default/production/activity");
  await expect(page.getByRole("figure", { name: "Pushes and members per hour" })).toBeVisible();
  const path = "test-results/screenshots/activity.png";
  await page.screenshot({ path });
  await testInfo.attach("activity", { path, contentType: "image/png" });
});
