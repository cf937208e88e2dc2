import { randomUUID } from "node:crypto";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { clientSideId, screenshot } from "../partner-push";

test("Sync activity shows refused pushes: a bad token and a bad body", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const { value: writer, token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, writer);
  const badToken = `api-${randomUUID()}`;
  const member = unique("refused-member");

  const unauthorized = await request.post("/api/v2/segment-targets/zeotap", {
    headers: { Authorization: badToken },
    data: { environmentId, cohortId: "c1", add: [member] },
  });
  expect(unauthorized.status()).toBe(401);
  // No cohort id anywhere: the body cannot apply, and no sync run is written.
  const badBody = await request.post("/api/v2/segment-targets/amplitude", {
    headers: { Authorization: writer },
    data: { environmentId, batch: [{ userId: member, value: true }] },
  });
  expect(badBody.status()).toBe(400);

  await page.goto("/default/production/activity");
  const section = page.getByRole("region", { name: "Rejected requests" });
  const rows = section.getByTestId("rejected-push-row");
  const bodyRow = rows.filter({ hasText: member });
  await expect(bodyRow).toHaveCount(1);
  await expect(bodyRow).toContainText("Amplitude");
  await expect(bodyRow).toContainText("400 invalid_request");
  await expect(bodyRow).toContainText(`${token.name} ·${token.ending}`);
  await expect(bodyRow).toContainText(`Client-side ID ${environmentId}`);
  // The unauthenticated push's body is never read: it names no environment, so only owners and admins see it.
  const tokenRow = rows.filter({ hasText: "Zeotap" }).filter({ hasText: "401 unauthorized" }).first();
  await expect(tokenRow).toContainText("Invalid access token");
  await expect(tokenRow).toContainText("Named no environment of this account");
  await expect(tokenRow).toContainText("Unknown");
  await expect(page.locator("body")).not.toContainText(badToken);
  await expect(page.locator("body")).not.toContainText(writer);
  await screenshot(page, testInfo, "rejected-pushes");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bodyRow).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, testInfo, "rejected-pushes-390");
});
