import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

const T = Date.UTC(2021, 0, 1);
const marker = unique("audit");
const tokenId = randomUUID();
const memberId = randomUUID();
const ids: Record<string, string> = {};
let reader: string;

async function entry(
  name: string,
  at: number,
  fields: { kind?: string; description?: string; target: string } & Record<string, unknown>,
) {
  const created = await prisma.auditEntry.create({
    data: {
      kind: "segment",
      name,
      description: `Changed ${name}`,
      accesses: [{ action: "updateName", resource: fields.target }],
      date: new Date(at),
      ...fields,
    },
  });
  ids[name] = created.id;
}

beforeAll(async () => {
  reader = (await createTestToken({ role: "reader" })).value;
  await entry("e1", T + 1000, {
    kind: "project",
    target: `proj/${marker}`,
    description: `underXscore ${marker}`,
  });
  await entry("e2", T + 2000, {
    target: `proj/${marker}:env/production:segment/amplitude-1`,
    description: `Added UPPER-${marker}`,
    previousVersion: { name: "a" },
    currentVersion: { name: "b" },
  });
  await entry("e3", T + 3000, { target: `proj/${marker}:env/test:segment/amplitude-2` });
  await entry("e4", T + 3000, {
    kind: "environment",
    target: `proj/${marker}:env/production`,
    description: `under_score ${marker}`,
  });
  await entry("e5", T + 4000, {
    kind: "token",
    target: `service-token/${tokenId}`,
    description: `Deleted token ${marker}`,
    memberId,
    memberEmail: "someone@example.test",
    tokenId,
    tokenName: "ci",
    tokenEnding: "abcd",
  });
});

async function audit(query: string, token = reader) {
  return callRoute(auditRoute.GET, { path: `/api/v2/auditlog?${query}`, token });
}

async function names(query: string): Promise<string[]> {
  const response = await audit(query);
  expect(response.status).toBe(200);
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return (response.json as { items: AuditEntryResponse[] }).items.map(
    (item) => byId.get(item._id) ?? item._id,
  );
}

const e3e4Newest = () => ((ids.e3 ?? "") > (ids.e4 ?? "") ? ["e3", "e4"] : ["e4", "e3"]);

describe("GET /api/v2/auditlog", () => {
  it("lists entries newest first, then by _id descending, in LaunchDarkly's shape", async () => {
    expect(await names(`q=${marker}`)).toEqual(["e5", ...e3e4Newest(), "e2", "e1"]);
    const response = await audit(`q=${marker}`);
    const items = (response.json as { items: AuditEntryResponse[]; totalCount: number }).items;
    expect(response.json).toMatchObject({ totalCount: 5, _links: { self: expect.any(Object) } });
    expect(items[0]).toEqual({
      _id: ids.e5,
      _accountId: "tributary",
      _links: { self: { href: `/api/v2/auditlog/${ids.e5}`, type: "application/json" } },
      date: T + 4000,
      kind: "token",
      name: "e5",
      description: `Deleted token ${marker}`,
      shortDescription: `Deleted token ${marker}`,
      accesses: [{ action: "updateName", resource: `service-token/${tokenId}` }],
      member: { _id: memberId, email: "someone@example.test" },
      token: { _id: tokenId, name: "ci", ending: "abcd", serviceToken: false },
      target: {
        name: "e5",
        resources: [`service-token/${tokenId}`],
        _links: { self: { href: `/api/v2/tokens/${tokenId}`, type: "application/json" } },
      },
    });
    const e2 = items.find((item) => item._id === ids.e2);
    expect(e2).toMatchObject({ previousVersion: { name: "a" }, currentVersion: { name: "b" } });
    expect(e2).not.toHaveProperty("member");
    expect(e2).not.toHaveProperty("token");
  });

  it("filters by before and after, both exclusive", async () => {
    expect(await names(`q=${marker}&after=${T + 1000}&before=${T + 4000}`)).toEqual([...e3e4Newest(), "e2"]);
    expect(await names(`q=${marker}&after=${T + 3000}`)).toEqual(["e5"]);
    expect(await names(`q=${marker}&before=${T + 2000}`)).toEqual(["e1"]);
  });

  it("matches q case-insensitively in name, description and target, with no wildcards", async () => {
    expect(await names(`q=upper-${marker.toUpperCase()}`)).toEqual(["e2"]);
    expect(await names(`q=${encodeURIComponent(`under_score ${marker}`)}`)).toEqual(["e4"]);
    expect(await names(`q=${encodeURIComponent(`${marker}:env/TEST`)}`)).toEqual(["e3"]);
    expect(await names(`q=${tokenId.toUpperCase()}`)).toEqual(["e5"]);
  });

  it("filters by a resource specifier: the target or one of its ancestors matches", async () => {
    expect(await names(`spec=proj/${marker}`)).toEqual([...e3e4Newest(), "e2", "e1"]);
    expect(await names(`spec=${encodeURIComponent(`proj/${marker}:env/*:segment/amplitude-*`)}`)).toEqual([
      "e3",
      "e2",
    ]);
    expect(await names(`q=${marker}&spec=${encodeURIComponent("proj/*:env/production")}`)).toEqual([
      "e4",
      "e2",
    ]);
    expect(await names(`q=${marker}&spec=${encodeURIComponent("service-token/*")}`)).toEqual(["e5"]);
    expect(await names(`spec=${encodeURIComponent(`proj/${marker.slice(0, -1)}`)}`)).toEqual([]);
    const invalid = await audit("spec=project/x");
    expectError(invalid, 400, "invalid_request");
    expect((invalid.json as { message: string }).message).toContain("spec");
  });

  it("defaults limit to 10, allows at most 20, and pages with offset", async () => {
    const bulk = unique("bulk");
    for (let index = 0; index < 25; index++) {
      await entry(`${bulk}-${index}`, T - 100_000 + index, { kind: "project", target: `proj/${bulk}` });
    }
    const first = await audit(`q=${bulk}`);
    expect(first.json).toMatchObject({ totalCount: 25, _links: { next: expect.any(Object) } });
    expect((first.json as { items: unknown[] }).items).toHaveLength(10);
    expect(await names(`q=${bulk}&limit=20`)).toHaveLength(20);
    expect((await names(`q=${bulk}&limit=20&offset=20`)).at(-1)).toBe(`${bulk}-0`);
    expectError(await audit(`q=${bulk}&limit=21`), 400, "invalid_request");
    expectError(await audit("before=yesterday"), 400, "invalid_request");
  });

  it("shows token, role and member changes made through the API", async () => {
    const admin = await createTestToken({ role: "admin" });
    const name = unique("audited-token");
    const response = await callRoute(tokensRoute.POST, {
      path: "/api/v2/tokens",
      token: admin.value,
      body: { name, role: "reader", serviceToken: true },
    });
    expect(response.status).toBe(201);
    const listed = (await audit(`q=${name}`)).json as { items: AuditEntryResponse[] };
    const [item] = listed.items;
    expect(item).toMatchObject({
      kind: "token",
      name,
      accesses: [{ action: "createAccessToken" }],
      token: { _id: admin.token.id, name: admin.token.name, ending: admin.value.slice(-4) },
    });
  });

  it("answers 401 without a token and 403 without viewAuditLog", async () => {
    expectError(await callRoute(auditRoute.GET, { path: "/api/v2/auditlog" }), 401, "unauthorized");
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(await audit("", sync.value), 403, "forbidden");
    const writer = await createTestToken({ role: "writer" });
    expect((await audit("", writer.value)).status).toBe(200);
  });
});
