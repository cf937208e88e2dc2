import { describe, expect, it } from "vitest";
import * as segmentTagsRoute from "@/app/api/v2/segment-tags/[projectKey]/[environmentKey]/route";
import { createTestTenant, type TestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { createSegmentOk, keysOf, listSegments } from "@/tests/support/segments-api";

/** Segments tagged in several cases: amplitude-a "Beta", amplitude-b "beta" and "web", other "BETA" and "Secret". */
async function taggedTenant() {
  const t = await createTestTenant();
  await createSegmentOk(t, { key: "amplitude-a", name: "A", tags: ["Beta"] });
  await createSegmentOk(t, { key: "amplitude-b", name: "B", tags: ["beta", "web"] });
  await createSegmentOk(t, { key: "other", name: "Other", tags: ["BETA", "Secret"] });
  await createSegmentOk(t, { key: "untagged", name: "Untagged" });
  return t;
}

function listTags(t: TestTenant, token: string | null = t.token, environmentKey = "production") {
  return callRoute(segmentTagsRoute.GET, {
    path: `/api/v2/segment-tags/${t.project.key}/${environmentKey}`,
    params: { projectKey: t.project.key, environmentKey },
    token,
  });
}

describe("segment tags: case-insensitive filter and suggestions", () => {
  it.each([["beta"], ["BETA"], ["bEtA"]])(
    "tags anyOf [%s] finds every spelling, keeping each",
    async (tag) => {
      const t = await taggedTenant();
      const response = await listSegments(
        t,
        `?sort=name&filter=${encodeURIComponent(`tags anyOf [${tag}]`)}`,
      );
      expect(response.status).toBe(200);
      expect(keysOf(response)).toEqual(["amplitude-a", "amplitude-b", "other"]);
      const tags = (response.json as { items: { tags: string[] }[] }).items.map((segment) => segment.tags);
      expect(tags).toEqual([["Beta"], ["beta", "web"], ["BETA", "Secret"]]);
    },
  );

  it("still combines a tag with other clauses and finds nothing for an unknown tag", async () => {
    const t = await taggedTenant();
    const both = await listSegments(t, `?filter=${encodeURIComponent("tags anyOf [WEB],query equals b")}`);
    expect(keysOf(both)).toEqual(["amplitude-b"]);
    const none = await listSegments(t, `?filter=${encodeURIComponent("tags anyOf [nope]")}`);
    expect(none.json).toMatchObject({ items: [], totalCount: 0 });
  });

  it("lists the environment's distinct tags, sorted case-insensitively", async () => {
    const t = await taggedTenant();
    const response = await listTags(t);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ items: ["BETA", "Beta", "beta", "Secret", "web"], truncated: false });
  });

  it("lists only the tags of segments the caller may view", async () => {
    const t = await taggedTenant();
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    expect((await listTags(t, amplitudeOnly)).json).toEqual({
      items: ["Beta", "beta", "web"],
      truncated: false,
    });
  });

  // The route takes no input but its path: a malformed environment key is an unknown one.
  it("answers a malformed or unknown environment, 401 and a caller who may see nothing with the error body", async () => {
    const t = await taggedTenant();
    expectError(await listTags(t, t.token, "bad key!"), 404, "not_found");
    expectError(await listTags(t, null), 401, "unauthorized");
    const elsewhere = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/nothing-here:env/*:segment/*"] },
    ]);
    expectError(await listTags(t, elsewhere), 404, "not_found");
    expectError(await listTags(t, t.token, "nope"), 404, "not_found");
  });
});
