import { describe, expect, it } from "vitest";
import * as membersRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/members/route";
import * as exportRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/members/export/route";
import { NextRequest } from "next/server";
import type { SegmentMemberList } from "@/lib/schemas/segment-member-list";
import { prisma } from "@/lib/server/db";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { createTestSegmentTenant, type TestSegmentTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

function list(t: TestSegmentTenant, query = "", token: string | null = t.token, params = t.params) {
  return callRoute(membersRoute.GET, { path: `${t.path}/members${query}`, params, token });
}

async function listOk(t: TestSegmentTenant, query: string): Promise<SegmentMemberList> {
  const response = await list(t, query);
  expect(response.status).toBe(200);
  return response.json as SegmentMemberList;
}

/** Follows `next` to the end, `limit` keys at a time. */
async function allPages(
  t: TestSegmentTenant,
  limit: number,
  prefix?: string,
): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const query = new URLSearchParams({ limit: String(limit) });
    if (after !== null) query.set("after", after);
    if (prefix !== undefined) query.set("prefix", prefix);
    const page = await listOk(t, `?${query.toString()}`);
    keys.push(...page.items.map((item) => item.key));
    after = page.next;
    pages += 1;
  } while (after !== null);
  return { keys, pages };
}

/** PostgreSQL's COLLATE "C" order: UTF-8 bytes. */
function byteOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

const KEYS = [
  "user-10",
  "user-2",
  "user-1",
  "User-3",
  "user_1",
  "user%1",
  "usera",
  "äpfel",
  "zeta",
  "user-100",
  "a,b",
  'quote"d',
];

describe("GET /api/v2/segments/{p}/{e}/{s}/members", () => {
  it("pages through every key in byte order with keyset cursors", async () => {
    const t = await createTestSegmentTenant({ members: KEYS, role: "reader" });
    const first = await listOk(t, "?limit=5");
    expect(first.totalCount).toBe(KEYS.length);
    expect(first.totalCountCapped).toBe(false);
    expect(first.items).toHaveLength(5);
    expect(first.next).toBe(first.items.at(-1)?.key);

    const { keys, pages } = await allPages(t, 5);
    expect(keys).toEqual(byteOrder(KEYS));
    expect(pages).toBe(3);
  });

  it("returns when and by which sync run each key was added", async () => {
    const t = await createTestSegmentTenant({ members: ["k1", "k2"], role: "reader" });
    const page = await listOk(t, "");
    expect(page.items).toEqual([
      { key: "k1", addedAt: expect.any(Number), syncRunId: t.runIds[0] },
      { key: "k2", addedAt: expect.any(Number), syncRunId: t.runIds[0] },
    ]);
    expect(Math.abs((page.items[0]?.addedAt ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(page.next).toBeNull();
  });

  it("starts after the given key, which need not be a member", async () => {
    const t = await createTestSegmentTenant({ members: KEYS, role: "reader" });
    const page = await listOk(t, `?after=${encodeURIComponent("user-2")}&limit=100`);
    expect(page.items.map((item) => item.key)).toEqual(
      byteOrder(KEYS).filter((key) => Buffer.compare(Buffer.from(key), Buffer.from("user-2")) > 0),
    );
    const missing = await listOk(t, `?after=user-15&limit=1`);
    expect(missing.items.map((item) => item.key)).toEqual(["user-2"]);
  });

  it("filters by a case-sensitive prefix, with LIKE wildcards taken literally", async () => {
    const t = await createTestSegmentTenant({ members: KEYS, role: "reader" });
    const prefixed = await allPages(t, 2, "user-1");
    expect(prefixed.keys).toEqual(["user-1", "user-10", "user-100"]);
    const page = await listOk(t, "?prefix=user-1&limit=2");
    expect(page.totalCount).toBe(3);

    expect((await listOk(t, `?prefix=${encodeURIComponent("user%")}`)).items.map((i) => i.key)).toEqual([
      "user%1",
    ]);
    expect((await listOk(t, "?prefix=user_")).items.map((i) => i.key)).toEqual(["user_1"]);
    expect((await listOk(t, "?prefix=U")).items.map((i) => i.key)).toEqual(["User-3"]);
    expect((await listOk(t, `?prefix=${encodeURIComponent("ä")}`)).items.map((i) => i.key)).toEqual([
      "äpfel",
    ]);
    const none = await listOk(t, "?prefix=nobody");
    expect(none).toEqual({ items: [], next: null, totalCount: 0, totalCountCapped: false });
  });

  it("combines a prefix with after", async () => {
    const t = await createTestSegmentTenant({ members: KEYS, role: "reader" });
    const page = await listOk(t, "?prefix=user-1&after=user-10");
    expect(page.items.map((item) => item.key)).toEqual(["user-100"]);
    const before = await listOk(t, "?prefix=user-1&after=a");
    expect(before.items.map((item) => item.key)).toEqual(["user-1", "user-10", "user-100"]);
  });

  it("lists an empty segment", async () => {
    const t = await createTestSegmentTenant({ role: "reader" });
    expect(await listOk(t, "")).toEqual({ items: [], next: null, totalCount: 0, totalCountCapped: false });
  });

  it.each([
    ["limit=0"],
    ["limit=1001"],
    ["limit=ten"],
    ["limit=1.5"],
    ["after="],
    ["prefix=%01x"],
    ["after=a%0Ab"],
  ])("answers 400 for %s", async (query) => {
    const t = await createTestSegmentTenant({ members: ["a"], role: "reader" });
    expectError(await list(t, `?${query}`), 400, "invalid_request");
  });

  it("answers 401 without a valid token", async () => {
    const t = await createTestSegmentTenant({ members: ["a"], role: "reader" });
    expectError(await list(t, "", null), 401, "unauthorized");
    expectError(await list(t, "", "api-not-a-real-token-0000000000000000000"), 401, "unauthorized");
  });

  it("answers a token without viewSegment on the segment as for an unknown one (404)", async () => {
    const t = await createTestSegmentTenant({ members: ["a"], role: "reader" });
    const writerOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    expectError(await list(t, "", writerOnly), 404, "not_found");
    const otherSegments = await createTestPolicyToken([
      { effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/other-*"] },
    ]);
    expectError(await list(t, "", otherSegments), 404, "not_found");
    const thisSegment = await createTestPolicyToken([
      {
        effect: "allow",
        actions: ["viewSegment"],
        resources: [`proj/${t.project.key}:env/production:segment/beta`],
      },
    ]);
    expect((await list(t, "", thisSegment)).status).toBe(200);
  });

  it("answers 404 for an unknown segment, environment or project", async () => {
    const t = await createTestSegmentTenant({ members: ["a"], role: "reader" });
    expectError(await list(t, "", t.token, { ...t.params, segmentKey: "nope" }), 404, "not_found");
    expectError(await list(t, "", t.token, { ...t.params, environmentKey: "nope" }), 404, "not_found");
    expectError(await list(t, "", t.token, { ...t.params, projectKey: "nope" }), 404, "not_found");
  });
});

function exportRequest(t: TestSegmentTenant, token: string | null = t.token, params = t.params) {
  const headers = new Headers();
  if (token) headers.set("authorization", token);
  const request = new NextRequest(new URL(`${t.path}/members/export`, "http://localhost:3000"), { headers });
  return exportRoute.GET(request, { params: Promise.resolve(params) });
}

describe("GET /api/v2/segments/{p}/{e}/{s}/members/export", () => {
  it("downloads context_key,added_at as CSV, quoting where needed", async () => {
    const t = await createTestSegmentTenant({ members: ["b", "a,b", 'quote"d', " padded"], role: "reader" });
    const response = await exportRequest(t);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="beta-members.csv"');
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("context_key,added_at");
    expect(lines.slice(1).map((line) => line.replace(/,\d{4}-\d\d-\d\dT[\d:.]+Z$/, ""))).toEqual([
      '" padded"',
      '"a,b"',
      "b",
      '"quote""d"',
    ]);
  });

  it("streams 25,000 members in batches, in key order, each exactly once", async () => {
    const keys = Array.from({ length: 25_000 }, (_, i) => `ctx-${String(i).padStart(6, "0")}`);
    const t = await createTestSegmentTenant({ members: keys, role: "reader" });
    const response = await exportRequest(t);
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("the export has no body stream");
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      text += decoder.decode(value, { stream: true });
    }
    // The header, then one chunk per batch of 10,000: the body was never built whole.
    expect(chunks).toBeGreaterThanOrEqual(4);
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(25_001);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(keys);
  });

  it("exports just the header for an empty segment", async () => {
    const t = await createTestSegmentTenant({ role: "reader" });
    const response = await exportRequest(t);
    expect(await response.text()).toBe("context_key,added_at\n");
  });

  it("answers 401 and 404 like the list, a caller who may not view the segment as for a made-up one", async () => {
    const t = await createTestSegmentTenant({ members: ["a"], role: "reader" });
    expect((await exportRequest(t, null)).status).toBe(401);
    const writerOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    const hidden = await exportRequest(t, writerOnly);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: "not_found" });
    expect((await exportRequest(t, t.token, { ...t.params, segmentKey: "nope" })).status).toBe(404);
  });

  it("keeps the counter and the export in step after removals", async () => {
    const t = await createTestSegmentTenant({ members: ["a", "b", "c"], role: "reader" });
    await pushContextChanges({
      segment: t.segment,
      principal: null,
      change: { included: { remove: ["b"] } },
      source: "contexts",
    });
    const text = await (await exportRequest(t)).text();
    expect(text.split("\n").filter(Boolean)).toHaveLength(3);
    const segment = await prisma.segment.findUniqueOrThrow({ where: { id: t.segment.id } });
    expect((await listOk(t, "")).totalCount).toBe(segment.includedCount);
  });
});
