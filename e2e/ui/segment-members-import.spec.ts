import type { APIRequestContext } from "@playwright/test";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";

const SEGMENTS = "/api/v2/segments/default/production";

async function createSegment(request: APIRequestContext, token: string, members: string[]): Promise<string> {
  const key = unique("e2e-import");
  const created = await request.post(SEGMENTS, {
    headers: { Authorization: token },
    data: { key, name: `Import ${key}` },
  });
  expect(created.status()).toBe(201);
  const pushed = await request.post(`${SEGMENTS}/${key}/contexts`, {
    headers: { Authorization: token },
    data: { included: { add: members } },
  });
  expect(pushed.status()).toBe(204);
  return key;
}

test("the lookup trims pasted whitespace and says so", async ({ ownerPage: page, request }) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const key = await createSegment(request, token, ["user-7"]);
  await page.goto(`/default/production/segments/${key}/members`);
  await page.getByLabel("Context key").fill("  user-7\t");
  await page.getByRole("button", { name: "Check membership" }).click();
  await expect(page.getByRole("status").filter({ hasText: "user-7" })).toContainText("is a member");
  await expect(page.getByText("Trimmed spaces around the key")).toBeVisible();
  await expect(page.getByLabel("Context key")).toHaveValue("user-7");

  await page.getByLabel("Context key").fill("user-7");
  await page.getByRole("button", { name: "Check membership" }).click();
  await expect(page.getByText("Trimmed spaces around the key")).toBeHidden();
});

test("a CSV with bad rows imports the good ones and lists the bad lines", async ({
  ownerPage: page,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const key = await createSegment(request, token, ["kept"]);
  await page.goto(`/default/production/segments/${key}/members`);
  // Line 1 is the header; line 4 is blank; lines 3, 5 and 6 are not valid context keys.
  const csv = ["context_key", "good-1", ",no key", "", "x".repeat(600), "bad\u0007key", "good-2"].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`) });
  await page.getByRole("radio", { name: /Merge/ }).check();
  await page.getByRole("button", { name: "Import" }).click();

  const summary = page.getByRole("status").filter({ hasText: "Import partially applied" });
  await expect(summary).toContainText("The segment now has 3 members");
  await expect(summary.getByTestId("import-added")).toHaveText("2");
  await expect(summary.getByTestId("import-skipped")).toHaveText("3");
  const bad = summary.getByTestId("import-skipped-rows");
  await expect(bad).toContainText("3 rows were skipped");
  await expect(bad.getByRole("listitem")).toHaveText([
    /Line 3\s*\(empty\)\s*empty/,
    /Line 5\s*x{64}\s*longer than 512 characters/,
    /Line 6\s*bad.key\s*contains control characters/,
  ]);
  const list = page.getByRole("region", { name: "Members" });
  await expect(list.getByText("3 members", { exact: true })).toBeVisible();
  await expect(list.getByRole("cell", { name: "good-2" })).toBeVisible();
});
