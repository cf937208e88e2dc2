import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import { TOKEN_EXPIRING_MAX_DAYS, TOKEN_SEARCH_MAX_LENGTH, type TokenResponse } from "@/lib/schemas/token";
import { syncToolPolicy } from "@/lib/schemas/token-sync-tool";
import type { Collection } from "@/lib/schemas/common";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const DAY_MS = 24 * 3600 * 1000;

type Shape = { name: string; service: boolean; expiresInDays?: number; usedDaysAgo?: number };

/** Tokens named `<prefix>-<name>` for the caller's member (personal ones) or as service tokens, with the given dates. */
async function world(shapes: Shape[]) {
  const prefix = unique("list");
  const { member } = await createTestMember({ role: "admin" });
  const caller = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
  const made = new Map<string, { id: string; ending: string }>();
  for (const [index, shape] of shapes.entries()) {
    const { token } = await createTestToken({
      role: "reader",
      memberId: member.id,
      serviceToken: shape.service,
    });
    const now = Date.now();
    await prisma.accessToken.update({
      where: { id: token.id },
      data: {
        name: `${prefix}-${shape.name}`,
        createdAt: new Date(now - (shapes.length - index) * 60_000),
        expiresAt: shape.expiresInDays === undefined ? null : new Date(now + shape.expiresInDays * DAY_MS),
        lastUsedAt: shape.usedDaysAgo === undefined ? null : new Date(now - shape.usedDaysAgo * DAY_MS),
      },
    });
    made.set(shape.name, { id: token.id, ending: token.ending });
  }
  const list = async (query: string) => {
    const response = await callRoute(tokensRoute.GET, {
      path: `/api/v2/tokens?showAll=true&q=${encodeURIComponent(prefix)}&${query}`,
      token: caller.value,
    });
    expect(response.status).toBe(200);
    const body = response.json as Collection<TokenResponse>;
    return {
      names: body.items.map((item) => item.name.slice(prefix.length + 1)),
      totalCount: body.totalCount,
    };
  };
  return { prefix, member, caller, made, list };
}

const SHAPES: Shape[] = [
  { name: "bravo", service: true, expiresInDays: 3, usedDaysAgo: 1 },
  { name: "alpha", service: false, expiresInDays: 30 },
  { name: "delta", service: true, usedDaysAgo: 10 },
  { name: "charlie", service: false, expiresInDays: -1, usedDaysAgo: 0.5 },
];

describe("GET /api/v2/tokens search, filters, sort and paging", () => {
  it("keeps LaunchDarkly's order without parameters: oldest first", async () => {
    const { list } = await world(SHAPES);
    expect(await list("")).toEqual({ names: ["bravo", "alpha", "delta", "charlie"], totalCount: 4 });
  });

  it("searches the name, the value's ending and the owner, case-insensitively", async () => {
    const { prefix, member, made, caller } = await world(SHAPES);
    const search = async (q: string) => {
      const response = await callRoute(tokensRoute.GET, {
        path: `/api/v2/tokens?showAll=true&limit=100&${new URLSearchParams({ q }).toString()}`,
        token: caller.value,
      });
      expect(response.status).toBe(200);
      return (response.json as Collection<TokenResponse>).items.map((item) => item._id);
    };
    const alpha = made.get("alpha");
    if (!alpha) throw new Error("alpha was made");
    expect(await search(`${prefix}-ALPHA`.toUpperCase())).toEqual([alpha.id]);
    expect(await search(`…${alpha.ending}`)).toContain(alpha.id);
    expect(await search(alpha.ending)).toContain(alpha.id);
    const byOwner = await search(member.email.toUpperCase());
    expect(byOwner).toHaveLength(5);
    expect(byOwner).toEqual(expect.arrayContaining([...made.values()].map((token) => token.id)));
  });

  it("filters service and personal tokens, tokens expiring soon, and unused ones", async () => {
    const { list } = await world(SHAPES);
    expect((await list("type=service")).names).toEqual(["bravo", "delta"]);
    expect((await list("type=personal")).names).toEqual(["alpha", "charlie"]);
    expect(await list("expiringWithinDays=7")).toEqual({ names: ["bravo", "charlie"], totalCount: 2 });
    expect((await list("expiringWithinDays=31")).names).toEqual(["bravo", "alpha", "charlie"]);
    expect((await list("unused=true")).names).toEqual(["alpha"]);
    expect((await list("unused=true&type=service")).names).toEqual([]);
  });

  it("sorts by name, creation, last use and expiry, tokens without the date last", async () => {
    const { list } = await world(SHAPES);
    expect((await list("sort=name")).names).toEqual(["alpha", "bravo", "charlie", "delta"]);
    expect((await list("sort=-name")).names).toEqual(["delta", "charlie", "bravo", "alpha"]);
    expect((await list("sort=-creationDate")).names).toEqual(["charlie", "delta", "alpha", "bravo"]);
    expect((await list("sort=-lastUsed")).names).toEqual(["charlie", "bravo", "delta", "alpha"]);
    expect((await list("sort=lastUsed")).names).toEqual(["delta", "bravo", "charlie", "alpha"]);
    expect((await list("sort=expiresAt")).names).toEqual(["charlie", "bravo", "alpha", "delta"]);
    expect((await list("sort=-expiresAt")).names).toEqual(["alpha", "bravo", "charlie", "delta"]);
  });

  it("pages what matches, counting all of it", async () => {
    const { list } = await world(SHAPES);
    expect(await list("sort=name&limit=2&offset=0")).toEqual({ names: ["alpha", "bravo"], totalCount: 4 });
    expect(await list("sort=name&limit=2&offset=2")).toEqual({ names: ["charlie", "delta"], totalCount: 4 });
    expect(await list("sort=name&limit=2&offset=4")).toEqual({ names: [], totalCount: 4 });
  });

  it.each([
    ["q", "x".repeat(TOKEN_SEARCH_MAX_LENGTH + 1)],
    ["type", "robot"],
    ["expiringWithinDays", "0"],
    ["expiringWithinDays", String(TOKEN_EXPIRING_MAX_DAYS + 1)],
    ["expiringWithinDays", "soon"],
    ["unused", "yes"],
    ["sort", "ending"],
    ["sort", "-"],
  ])("answers %s=%s with 400 naming it, changing nothing", async (name, value) => {
    const caller = await createTestToken({ role: "admin" });
    const written = () => Promise.all([prisma.accessToken.count(), prisma.auditEntry.count()]);
    const before = await written();
    const response = await callRoute(tokensRoute.GET, {
      path: `/api/v2/tokens?${new URLSearchParams({ [name]: value }).toString()}`,
      token: caller.value,
    });
    expectError(response, 400, "invalid_request");
    expect(response.json).toMatchObject({ message: expect.stringContaining(name) });
    expect(await written()).toEqual(before);
  });

  it("answers 401 without a token and 403 to a caller that may view no token", async () => {
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens?q=a&sort=name" }),
      401,
      "unauthorized",
    );
    const sync = await createTestToken({
      role: null,
      policy: syncToolPolicy({ projectKey: "*", environmentKey: "*" }),
    });
    expectError(
      await callRoute(tokensRoute.GET, {
        path: "/api/v2/tokens?type=service&unused=true",
        token: sync.value,
      }),
      403,
      "forbidden",
    );
  });

  it("lists to a member below admin only its own personal tokens and service tokens, filters and all", async () => {
    const { prefix } = await world(SHAPES);
    const { member } = await createTestMember({ role: "reader" });
    const reader = await createTestToken({ role: "reader", memberId: member.id, serviceToken: false });
    const response = await callRoute(tokensRoute.GET, {
      path: `/api/v2/tokens?showAll=true&type=personal&q=${encodeURIComponent(prefix)}`,
      token: reader.value,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ items: [], totalCount: 0 });
  });
});
