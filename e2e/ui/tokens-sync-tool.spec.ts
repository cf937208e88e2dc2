import type { APIRequestContext, Page } from "@playwright/test";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { clientSideId, pushRudderstack, screenshot } from "../partner-push";
import { rememberSecret } from "../secrets";

/** A RudderStack push with the given token to an environment; answers the HTTP status. */
async function pushStatus(
  request: APIRequestContext,
  token: string,
  environmentId: string,
  cohortId: string,
) {
  const response = await request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      { environmentId, cohortId, cohortName: `Sync tool ${cohortId}` },
      [unique("user")],
    ),
  });
  return response.status();
}

/** The client-side ID of default/<environment>, read with a writer's token (a sync token may not view environments). */
async function environmentId(request: APIRequestContext, token: string, environmentKey: string) {
  const response = await request.get(`/api/v2/projects/default/environments/${environmentKey}`, {
    headers: { Authorization: token },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { clientSideId: string }).clientSideId;
}

/** A synced segment of default/production of its own, and its Sync tab. */
async function openSyncTab(page: Page, request: APIRequestContext) {
  const { value: writer } = await createTestToken({ role: "writer" });
  const cohortId = unique("aud");
  await pushRudderstack(request, writer, {
    environmentId: await clientSideId(request, writer),
    cohortId,
    add: ["user-1"],
  });
  await page.goto(`/default/production/segments/rudderstack-${cohortId}/sync`);
  return { writer, connect: page.getByRole("region", { name: "How to connect" }) };
}

test("the Sync tab makes a token for the tool in one click: it pushes here and nowhere else", async ({
  ownerPage: page,
  request,
}, testInfo) => {
  const { writer, connect } = await openSyncTab(page, request);
  await expect(connect.getByLabel("Integration")).toHaveValue("rudderstack");
  await expect(connect.getByTestId("connect-setup-text")).toContainText("a token with the policy above");

  await connect.getByRole("button", { name: "Create a token for RudderStack Audiences" }).click();
  const field = connect.getByLabel("Access token for RudderStack Audiences");
  await expect(connect.getByText("Copy it now: you won't see it again.")).toBeVisible();
  const token = await field.inputValue();
  rememberSecret(token);
  expect(token).toMatch(/^api-[A-Za-z0-9_-]{32,}$/);
  await expect(field).toBeFocused();
  await expect(connect.getByRole("button", { name: /^Copy token/ })).toBeVisible();
  await expect(connect.getByTestId("connect-setup-text")).toContainText(token);
  await expect(connect.getByRole("button", { name: /^Create a token for/ })).toHaveCount(0);
  await screenshot(page, testInfo, "sync-tool-token");

  // A real partner push with it: here it works, in the project's other environment it is refused.
  const production = await environmentId(request, writer, "production");
  const other = await environmentId(request, writer, "test");
  const cohortId = unique("tool");
  expect(await pushStatus(request, token, production, cohortId)).toBe(204);
  expect(await pushStatus(request, token, other, cohortId)).toBe(403);

  // On the Tokens page it is a service token for that tool and that environment, and its value is not shown again.
  await page.goto("/settings/tokens?q=RudderStack%20Audiences%20sync");
  const row = page
    .getByRole("row", { name: "Token RudderStack Audiences sync (default / production)" })
    .first();
  await expect(row).toContainText("Sync tool");
  await expect(row).toContainText("Pushes to default / production");
  await expect(row).toContainText("Service");
  await expect(row.getByTestId("token-ending")).toHaveText(`…${token.slice(-4)}`);
  await expect(page.getByText(token)).toHaveCount(0);
});

test("a member who may not create such a token sees the button disabled, with the reason", async ({
  page,
  request,
}) => {
  const { member, password } = await createTestMember({ role: "writer" });
  await signIn(page, member.email, password);
  const { connect } = await openSyncTab(page, request);
  const button = connect.getByRole("button", { name: "Create a token for RudderStack Audiences" });
  await expect(button).toBeDisabled();
  await expect(connect.getByText(/^Not allowed: /)).toBeVisible();
});
