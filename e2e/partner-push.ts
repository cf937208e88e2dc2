import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { expect } from "./fixtures";

/** What partners send as `environmentId`: the environment's client-side ID. */
export async function clientSideId(request: APIRequestContext, token: string): Promise<string> {
  const response = await request.get("/api/v2/projects/default/environments/production", {
    headers: { Authorization: token },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { clientSideId: string }).clientSideId;
}

/** A RudderStack audience push, in the tool's own shape (lib/server/sync/build-partner-payloads.ts). */
export async function pushRudderstack(
  request: APIRequestContext,
  token: string,
  body: { environmentId: string; cohortId: string; add: string[]; cohortName?: string },
) {
  const response = await request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      {
        environmentId: body.environmentId,
        cohortId: body.cohortId,
        cohortName: body.cohortName ?? `Churn risk ${body.cohortId}`,
      },
      body.add,
    ),
  });
  expect(response.status()).toBe(204);
}

/** A 1280x800 screenshot kept under test-results/screenshots and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
