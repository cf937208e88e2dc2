import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { pushRudderstack } from "../partner-push";
import { rememberSecret } from "../secrets";

test("the audit log hides syncs by default, filters by kind, actor and resource in the URL, and names service tokens", async ({
  ownerPage: page,
  request,
}) => {
  // A tool's service token, created by someone: it makes a project and syncs into it.
  const creator = (await createTestMember({ role: "admin" })).member;
  const tool = await createTestToken({ role: "writer", memberId: creator.id, serviceToken: true });
  rememberSecret(tool.value);
  const projectKey = unique("audited");
  const created = await request.post("/api/v2/projects", {
    headers: { Authorization: tool.value },
    data: { key: projectKey, name: projectKey },
  });
  expect(created.status()).toBe(201);
  const environments = (await created.json()) as { environments: { key: string; _id: string }[] };
  const production = environments.environments.find((environment) => environment.key === "production");
  expect(production).toBeDefined();
  await pushRudderstack(request, tool.value, {
    environmentId: production?._id ?? "",
    cohortId: unique("aud"),
    add: ["user-1"],
  });

  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByLabel("Hide syncs")).toBeChecked();
  await page.getByLabel("Resource").fill(`proj/${projectKey}`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`resource=proj%2F${projectKey}`));
  const entries = page.getByRole("list", { name: "Entries" });
  await expect(
    entries.getByRole("listitem").filter({ hasText: `Created project ${projectKey}` }),
  ).toBeVisible();
  await expect(entries.getByRole("listitem")).toHaveCount(3);
  await expect(entries.getByText(/RudderStack Audiences sync/)).toHaveCount(0);

  // The token acts as itself: its name and ending, never the member who created it.
  const tokenName = `service token ${tool.token.name} …${tool.token.ending}`;
  const projectEntry = entries.getByRole("listitem").filter({ hasText: `Created project ${projectKey}` });
  await expect(projectEntry.getByRole("button", { name: tokenName })).toBeVisible();
  await expect(entries).not.toContainText(creator.email);

  // Syncs shown on request; the filters survive a reload.
  await page.getByLabel("Hide syncs").uncheck();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/syncs=shown/);
  await expect(entries.getByRole("listitem")).toHaveCount(4);
  await page.reload();
  await expect(page.getByLabel("Resource")).toHaveValue(`proj/${projectKey}`);
  await expect(page.getByLabel("Hide syncs")).not.toBeChecked();
  await expect(entries.getByRole("listitem")).toHaveCount(4);

  // One kind: syncs only.
  await page.getByLabel("Kind").selectOption({ label: "Syncs" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=sync/);
  await expect(entries.getByRole("listitem")).toHaveCount(1);
  await expect(entries.getByRole("listitem")).toContainText("RudderStack Audiences sync");

  // One actor, from an entry; Back returns to the list before it.
  await page.getByLabel("Kind").selectOption({ label: "All kinds" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(entries.getByRole("listitem")).toHaveCount(4);
  await page.getByLabel("Resource").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await projectEntry.getByRole("button", { name: tokenName }).click();
  await expect(page).toHaveURL(new RegExp(`token=${tool.token.id}`));
  await expect(page.getByTestId("actor-filter")).toContainText(`Only entries by token ${tool.token.name}`);
  await expect(entries.getByRole("listitem")).toHaveCount(4);
  await page.goBack();
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByTestId("actor-filter")).toHaveCount(0);
  await expect(page.getByLabel("Hide syncs")).not.toBeChecked();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(page.getByLabel("Hide syncs")).toBeChecked();
});
