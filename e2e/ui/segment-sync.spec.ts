import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";

test("a partner push shows up in the Sync tab without a reload", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const { value: token, token: tokenRow } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("aud");
  await pushRudderstack(request, token, {
    environmentId,
    cohortId,
    add: ["user-1", "user-2"],
  });

  await page.goto(`/default/production/segments/rudderstack-${cohortId}/sync`);
  const runs = page.getByRole("region", { name: "Sync runs" });
  await expect(runs.getByTestId("sync-run-row")).toHaveCount(1);
  await expect(page.getByTestId("sync-member-count")).toContainText("2 members");
  const first = runs.getByTestId("sync-run-row").first();
  await expect(first).toContainText("Succeeded");
  await expect(first).toContainText("RudderStack Audiences");
  await expect(first.getByTestId("sync-run-counts")).toHaveText("+2 −0");

  // While the page is open: a second push with one member id the tool got wrong.
  await pushRudderstack(request, token, {
    environmentId,
    cohortId,
    add: ["user-3", "user-4", ""],
  });
  await expect(runs.getByTestId("sync-run-row")).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByTestId("sync-member-count")).toContainText("4 members", { timeout: 15_000 });
  const newest = runs.getByTestId("sync-run-row").first();
  await expect(newest).toContainText("Partially applied");

  await expect(newest.getByTestId("sync-run-reason")).toHaveText("Skipped: empty");

  await newest.getByRole("button", { name: /^Details/ }).click();
  const panel = page.getByRole("dialog", { name: "Sync run details" });
  await expect(panel.getByText(`Token ${tokenRow.name} …${tokenRow.ending}`)).toBeVisible();
  await expect(panel.getByText("Skipped members by reason")).toBeVisible();
  await expect(panel.getByText("(empty)")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  const connect = page.getByRole("region", { name: "How to connect" });
  await expect(connect.getByLabel("Integration")).toHaveValue("rudderstack");
  await expect(connect.getByText(/\/api\/v2\/segment-targets\/rudderstack$/)).toBeVisible();
  await expect(connect.getByText(environmentId, { exact: true })).toBeVisible();
  await expect(connect.getByText('"proj/default:env/production:segment/*"')).toBeVisible();
  await expect(connect.getByRole("button", { name: /^Copy policy/ })).toBeVisible();
  await connect.getByLabel("Integration").selectOption("hightouch");
  await expect(connect.getByText(/\/api\/v2\/segment-targets\/hightouch$/)).toBeVisible();

  await screenshot(page, testInfo, "sync");

  await page.goto(`/default/production/segments/rudderstack-${cohortId}/members`);
  await expect(page.getByRole("note")).toContainText("owned by the rudderstack integration");
  await expect(page.getByRole("region", { name: "Import from CSV" })).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Members" }).getByText("4 members", { exact: true }),
  ).toBeVisible();
});
