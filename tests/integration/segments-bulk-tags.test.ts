import { describe, expect, it } from "vitest";
import * as bulkTagsRoute from "@/app/api/v2/segment-tags/[projectKey]/[environmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant, type TestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** Three segments: two synced-looking keys and one plain, tagged `old`. */
const SEGMENTS = ["amplitude-a", "amplitude-b", "hightouch-c"].map((key) => ({
  key,
  name: key,
  tags: ["old"],
}));

function bulkTags(t: TestTenant, body: unknown, token: string | null = t.token, params = t.params) {
  return callRoute(bulkTagsRoute.POST, {
    path: `/api/v2/segment-tags/${params.projectKey}/${params.environmentKey}`,
    params,
    token,
    body,
  });
}

/** What a bulk tag change could write: the tenant's segments and their audit entries. */
async function snapshot(t: TestTenant) {
  return {
    segments: await prisma.segment.findMany({
      where: { environmentId: t.production.id },
      orderBy: { key: "asc" },
    }),
    audit: await prisma.auditEntry.count({ where: { target: { startsWith: `proj/${t.project.key}:` } } }),
  };
}

async function segmentRow(t: TestTenant, key: string) {
  return prisma.segment.findUniqueOrThrow({
    where: { environmentId_key: { environmentId: t.production.id, key } },
  });
}

describe("POST /api/v2/segment-tags/{projectKey}/{environmentKey}", () => {
  it("adds and removes tags on every named segment, one audit entry each, and answers the updated segments", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const response = await bulkTags(t, {
      keys: ["amplitude-a", "hightouch-c"],
      add: ["web", "beta"],
      remove: ["old"],
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      items: [
        expect.objectContaining({ key: "amplitude-a", tags: ["web", "beta"], version: 2 }),
        expect.objectContaining({ key: "hightouch-c", tags: ["web", "beta"], version: 2 }),
      ],
    });
    expect(await segmentRow(t, "amplitude-a")).toMatchObject({
      tags: ["web", "beta"],
      version: 2,
      tagsEditedByHand: true,
      nameEditedByHand: false,
    });
    expect(await segmentRow(t, "amplitude-b")).toMatchObject({ tags: ["old"], version: 1 });
    const audit = await prisma.auditEntry.findMany({
      where: { target: { startsWith: `proj/${t.project.key}:env/production:segment/` } },
      orderBy: { target: "asc" },
    });
    expect(audit.map((entry) => entry.target)).toEqual([
      `proj/${t.project.key}:env/production:segment/amplitude-a;old`,
      `proj/${t.project.key}:env/production:segment/hightouch-c;old`,
    ]);
    expect(audit[0]).toMatchObject({
      kind: "segment",
      previousVersion: { tags: ["old"], version: 1 },
      currentVersion: { tags: ["web", "beta"], version: 2 },
    });
  });

  it("names a segment once however often it is listed, and leaves the version alone when its tags do not change", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const response = await bulkTags(t, { keys: ["amplitude-a", "amplitude-a", "amplitude-b"], add: ["old"] });
    expect(response.status).toBe(200);
    const { items } = response.json as { items: { key: string; tags: string[]; version: number }[] };
    expect(items.map((item) => [item.key, item.tags, item.version])).toEqual([
      ["amplitude-a", ["old"], 1],
      ["amplitude-b", ["old"], 1],
    ]);
  });

  it.each([
    ["a body that is not an object", [{ keys: ["amplitude-a"], add: ["x"] }]],
    ["no keys", { add: ["x"] }],
    ["an empty key list", { keys: [], add: ["x"] }],
    ["a key with a space", { keys: ["amplitude a"], add: ["x"] }],
    ["neither add nor remove", { keys: ["amplitude-a"] }],
    ["empty add and remove lists", { keys: ["amplitude-a"], add: [], remove: [] }],
    ["a tag with a space", { keys: ["amplitude-a"], add: ["no spaces"] }],
    ["a tag both added and removed", { keys: ["amplitude-a"], add: ["x"], remove: ["x"] }],
    ["more than 1000 keys", { keys: Array.from({ length: 1001 }, (_, i) => `k${i}`), add: ["x"] }],
    [
      "a result over 50 tags on one segment",
      { keys: ["amplitude-a", "amplitude-b"], add: Array.from({ length: 50 }, (_, i) => `t${i}`) },
    ],
  ])("answers 400 for %s and writes nothing", async (_case, body) => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const before = await snapshot(t);
    expectError(await bulkTags(t, body), 400, "invalid_request");
    expect(await snapshot(t)).toEqual(before);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const response = await callRoute(bulkTagsRoute.POST, {
      path: `/api/v2/segment-tags/${t.params.projectKey}/production`,
      params: t.params,
      token: t.token,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expectError(response, 400, "invalid_request");
  });

  it("answers 401 without a valid token and writes nothing", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const before = await snapshot(t);
    const body = { keys: ["amplitude-a"], add: ["x"] };
    expectError(await bulkTags(t, body, null), 401, "unauthorized");
    expectError(await bulkTags(t, body, "api-not-a-real-token"), 401, "unauthorized");
    expect(await snapshot(t)).toEqual(before);
  });

  it("refuses the whole change when updateTags is denied on any one of the segments (404 where it may not see one)", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const reader = (await createTestToken({ role: "reader" })).value;
    const amplitudeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateTags"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const renameOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateName"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    const before = await snapshot(t);
    const everyKey = { keys: ["amplitude-a", "amplitude-b", "hightouch-c"], add: ["x"] };
    expectError(await bulkTags(t, everyKey, reader), 403, "forbidden");
    expectError(await bulkTags(t, everyKey, renameOnly), 404, "not_found");
    const refused = await bulkTags(t, everyKey, amplitudeOnly);
    expectError(refused, 404, "not_found");
    expect((refused.json as { message: string }).message).toMatch(/^Segment "hightouch-c" not found/);
    expect(await snapshot(t)).toEqual(before);

    const allowed = await bulkTags(t, { keys: ["amplitude-a", "amplitude-b"], add: ["x"] }, amplitudeOnly);
    expect(allowed.status).toBe(200);
  });

  it("checks updateTags against each segment's current tags", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const oldOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateTags"], resources: ["proj/*:env/*:segment/*;old"] },
    ]);
    expect((await bulkTags(t, { keys: ["amplitude-a"], remove: ["old"] }, oldOnly)).status).toBe(200);
    const before = await snapshot(t);
    // Without "old" the segment is out of the token's reach altogether: the answer of an unknown segment.
    expectError(await bulkTags(t, { keys: ["amplitude-a"], add: ["old"] }, oldOnly), 404, "not_found");
    expect(await snapshot(t)).toEqual(before);
  });

  it("answers 404 naming the missing segments and writes nothing", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const before = await snapshot(t);
    const response = await bulkTags(t, { keys: ["amplitude-a", "nope", "gone"], add: ["x"] });
    expectError(response, 404, "not_found");
    expect((response.json as { message: string }).message).toMatch(/"nope", "gone"/);
    expect(await snapshot(t)).toEqual(before);
  });

  it("answers 404 for an unknown project or environment", async () => {
    const t = await createTestTenant({ segments: SEGMENTS });
    const body = { keys: ["amplitude-a"], add: ["x"] };
    expectError(
      await bulkTags(t, body, t.token, { projectKey: t.project.key, environmentKey: "nope" }),
      404,
      "not_found",
    );
    expectError(
      await bulkTags(t, body, t.token, { projectKey: "no-such-project", environmentKey: "production" }),
      404,
      "not_found",
    );
  });
});
