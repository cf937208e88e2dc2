import { describe, expect, it } from "vitest";
import { policySchema } from "@/lib/schemas/policy";
import { tokenCreateSchema } from "@/lib/schemas/token";
import { syncToolPolicy, syncToolScopeOf, syncToolTokenInput } from "@/lib/schemas/token-sync-tool";

describe("sync-tool tokens", () => {
  it("scopes the policy to one environment and reads the scope back", () => {
    const scope = { projectKey: "default", environmentKey: "production" };
    expect(syncToolPolicy(scope)).toEqual([
      {
        effect: "allow",
        actions: ["createSegment", "updateIncluded"],
        resources: ["proj/default:env/production:segment/*"],
      },
    ]);
    expect(syncToolScopeOf(syncToolPolicy(scope))).toEqual(scope);
    expect(syncToolScopeOf(syncToolPolicy({ projectKey: "*", environmentKey: "*" }))).toEqual({
      projectKey: "*",
      environmentKey: "*",
    });
  });

  it.each([
    ["no policy", undefined],
    [
      "a deny",
      [
        {
          effect: "deny",
          actions: ["createSegment", "updateIncluded"],
          resources: ["proj/a:env/b:segment/*"],
        },
      ],
    ],
    [
      "another action",
      [
        {
          effect: "allow",
          actions: ["createSegment", "deleteSegment"],
          resources: ["proj/a:env/b:segment/*"],
        },
      ],
    ],
    [
      "one segment",
      [
        {
          effect: "allow",
          actions: ["createSegment", "updateIncluded"],
          resources: ["proj/a:env/b:segment/x"],
        },
      ],
    ],
    [
      "two statements",
      [
        {
          effect: "allow",
          actions: ["createSegment", "updateIncluded"],
          resources: ["proj/a:env/b:segment/*"],
        },
        { effect: "allow", actions: ["viewProject"], resources: ["proj/*"] },
      ],
    ],
  ])("does not call %s a sync tool's policy", (_case, policy) => {
    expect(syncToolScopeOf(policy === undefined ? undefined : policySchema.parse(policy))).toBeNull();
  });

  it("builds a body the tokens route accepts, within the name limit whatever the keys", () => {
    const long = "k".repeat(256);
    const input = syncToolTokenInput("Twilio Segment", { projectKey: long, environmentKey: long });
    const parsed = tokenCreateSchema.parse(input);
    expect(parsed.name.length).toBeLessThanOrEqual(256);
    expect(parsed).toMatchObject({
      serviceToken: true,
      inlineRole: syncToolPolicy({ projectKey: long, environmentKey: long }),
    });
  });
});
