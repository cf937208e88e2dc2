import { describe, expect, it } from "vitest";
import { INTEGRATIONS, getIntegration } from "@/lib/server/sync/integrations";

describe("integration registry", () => {
  it("has the eight integrations, each under its own key", () => {
    expect(Object.keys(INTEGRATIONS).sort()).toEqual(
      [
        "amplitude",
        "census-synced-segments",
        "heap-inbound",
        "hightouch",
        "rudderstack",
        "segment-audiences",
        "tealium-synced-segments",
        "zeotap",
      ].sort(),
    );
    for (const [key, integration] of Object.entries(INTEGRATIONS)) expect(integration.key).toBe(key);
  });

  it("finds no inherited property for a URL key", () => {
    expect(getIntegration("__proto__")).toBeNull();
    expect(getIntegration("toString")).toBeNull();
    expect(getIntegration("constructor")).toBeNull();
    expect(getIntegration("amplitude")?.key).toBe("amplitude");
  });

  it("holds data only (a JSON round trip keeps every definition)", () => {
    for (const integration of Object.values(INTEGRATIONS)) {
      expect(JSON.parse(JSON.stringify(integration))).toEqual(integration);
    }
  });
});
