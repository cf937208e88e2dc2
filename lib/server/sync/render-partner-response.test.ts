import { describe, expect, it } from "vitest";

import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { renderPartnerResponse } from "@/lib/server/sync/render-partner-response";

const fields = {
  projectKey: "web",
  environmentKey: "production",
  segmentKey: "heap-inbound-4411",
  segmentUrl: "https://tributary.example/web/production/segments/heap-inbound-4411",
};
const error = { status: 404, message: "unknown environment" };

describe("renderPartnerResponse", () => {
  const withoutTemplate = Object.values(INTEGRATIONS).filter(
    (integration) => integration.key !== "heap-inbound",
  );

  it.each(withoutTemplate.map((integration) => [integration.key, integration] as const))(
    "%s: 204 without body on success, the standard error body on failure",
    (_key, integration) => {
      expect(renderPartnerResponse(integration, { ok: true, fields })).toEqual({ status: 204, body: null });
      expect(renderPartnerResponse(integration, { ok: false, error })).toBeNull();
    },
  );

  it("heap-inbound: 200 with the segment on success", () => {
    expect(renderPartnerResponse(INTEGRATIONS["heap-inbound"], { ok: true, fields })).toEqual({
      status: 200,
      body: {
        projectId: "web",
        environmentId: "production",
        segmentId: "heap-inbound-4411",
        segmentUrl: fields.segmentUrl,
        status: "success",
      },
    });
  });

  it("heap-inbound: the error's status with Heap's failure body, whose code is that status", () => {
    expect(renderPartnerResponse(INTEGRATIONS["heap-inbound"], { ok: false, error })).toEqual({
      status: 404,
      body: { status: "failure", error: { message: "unknown environment", code: 404 } },
    });
  });

  it("heap-inbound: the failure body carries the ids the push had found", () => {
    const forbidden = { status: 403, message: "missing updateIncluded" };
    expect(
      renderPartnerResponse(INTEGRATIONS["heap-inbound"], { ok: false, error: forbidden, context: fields }),
    ).toEqual({
      status: 403,
      body: {
        projectId: "web",
        environmentId: "production",
        segmentId: "heap-inbound-4411",
        segmentUrl: fields.segmentUrl,
        status: "failure",
        error: { message: "missing updateIncluded", code: 403 },
      },
    });
    const context = { projectKey: "web", environmentKey: "production" };
    expect(
      renderPartnerResponse(INTEGRATIONS["heap-inbound"], { ok: false, error: forbidden, context }),
    ).toEqual({
      status: 403,
      body: {
        projectId: "web",
        environmentId: "production",
        status: "failure",
        error: { message: "missing updateIncluded", code: 403 },
      },
    });
  });
});
