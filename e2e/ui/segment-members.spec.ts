import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";

const SEGMENTS = "/api/v2/segments/default/production";

async function writerToken(): Promise<string> {
  return (await createTestToken({ role: "writer" })).value;
}

/** A segment that is not synced, created through the API like any client would. */
async function createSegment(
  request: APIRequestContext,
  token: string,
  members: string[] = [],
): Promise<string> {
  const key = unique("e2e-members");
  const created = await request.post(SEGMENTS, {
    headers: { Authorization: token },
    data: { key, name: `Members ${key}` },
  });
  expect(created.status()).toBe(201);
  if (members.length > 0) {
    const pushed = await request.post(`${SEGMENTS}/${key}/contexts`, {
      headers: { Authorization: token },
      data: { included: { add: members } },
    });
    expect(pushed.status()).toBe(204);
  }
  return key;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

function csvFile(lines: string[]) {
  return { name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) };
}

test("look up a member, search by prefix and export the members as CSV", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const token = await writerToken();
  const members = Array.from({ length: 30 }, (_, i) => `user-${String(i + 1).padStart(3, "0")}`);
  const key = await createSegment(request, token, members);
  await page.goto(`/default/production/segments/${key}/members`);

  const list = page.getByRole("region", { name: "Members" });
  await expect(list.getByText("30 members", { exact: true })).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(31);

  await page.getByLabel("Context key").fill("user-007");
  await page.getByRole("button", { name: "Check membership" }).click();
  const answer = page.getByRole("status").filter({ hasText: "user-007" });
  await expect(answer).toContainText("is a member");
  await expect(answer).toContainText("by sync run");

  await page.getByLabel("Context key").fill("nobody");
  await page.getByRole("button", { name: "Check membership" }).click();
  await expect(page.getByRole("status").filter({ hasText: "nobody" })).toContainText("not a member");

  await page.getByLabel("Search by key prefix").fill("user-01");
  await expect(list.getByText("10 members start with")).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(11);
  await page.getByLabel("Search by key prefix").fill("");
  await expect(list.getByText("30 members", { exact: true })).toBeVisible();

  await screenshot(page, testInfo, "members");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${key}-members.csv`);
  const path = await download.path();
  const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
  expect(lines[0]).toBe("context_key,added_at");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(members);
  expect(lines[1]).toMatch(/^user-001,\d{4}-\d\d-\d\dT[\d:.]+Z$/);
});

test("import a CSV with a progress bar and a summary, then confirm a large replace", async ({
  ownerPage: page,
  request,
}) => {
  const token = await writerToken();
  const key = await createSegment(request, token);
  await page.goto(`/default/production/segments/${key}/members`);
  await expect(page.getByText("No members yet")).toBeVisible();

  const keys = Array.from({ length: 25_000 }, (_, i) => `key-${String(i).padStart(5, "0")}`);
  await page.getByLabel("CSV file").setInputFiles(csvFile(["context_key", ...keys]));
  await page.getByRole("radio", { name: /Merge/ }).check();

  // Hold the commit until the finished upload has been seen, so the check does not race the app.
  let releaseCommit = () => undefined as void;
  const commitHeld = new Promise<void>((resolve) => {
    releaseCommit = resolve;
  });
  await page.route("**/imports/*/commit", async (route) => {
    await commitHeld;
    await route.continue();
  });
  await page.getByRole("button", { name: "Import" }).click();
  const progress = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText("25,000 keys")).toBeVisible();
  releaseCommit();

  const summary = page.getByRole("status").filter({ hasText: "Import applied" });
  await expect(summary).toContainText("The segment now has 25,000 members");
  await page.unroute("**/imports/*/commit");
  await expect(summary.getByTestId("import-received")).toHaveText("25,000");
  await expect(summary.getByTestId("import-added")).toHaveText("25,000");
  await expect(summary.getByTestId("import-removed")).toHaveText("0");
  await expect(page.getByRole("region", { name: "Members" }).getByText("25,000 members")).toBeVisible();

  // A replace that keeps one member of 25,000 asks first; cancelling changes nothing.
  await page.getByLabel("CSV file").setInputFiles(csvFile(["key", "key-00000", "new-key"]));
  await page.getByRole("radio", { name: /Replace/ }).check();
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "This replace removes 24,999 of 25,000 members" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Import cancelled" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Members" }).getByText("25,000 members")).toBeVisible();

  await page.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Replace members" }).click();
  await expect(summary).toContainText("The segment now has 2 members");
  await expect(summary.getByTestId("import-removed")).toHaveText("24,999");
  await expect(summary.getByTestId("import-added")).toHaveText("1");
  await expect(summary.getByTestId("import-unchanged")).toHaveText("1");
  const list = page.getByRole("region", { name: "Members" });
  await expect(list.getByText("2 members")).toBeVisible();
  await expect(list.getByRole("cell", { name: "new-key" })).toBeVisible();
  await expect(list.getByRole("cell", { name: "key-00000" })).toBeVisible();
});
