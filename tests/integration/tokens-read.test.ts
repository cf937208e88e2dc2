import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import type { TokenResponse } from "@/lib/schemas/token";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { MIN_SYNC_POLICY, postToken, tokenBody } from "@/tests/support/tokens-api";

describe("GET /api/v2/tokens", () => {
  it("lists own personal tokens and service tokens; showAll adds everyone's for an admin only", async () => {
    const { member: adminMember } = await createTestMember({ role: "admin" });
    const { member: readerMember } = await createTestMember({ role: "reader" });
    const admin = await createTestToken({ role: "admin", memberId: adminMember.id, serviceToken: false });
    const reader = await createTestToken({ role: "reader", memberId: readerMember.id, serviceToken: false });
    const service = await createTestToken({ role: "writer", serviceToken: true });

    const list = async (token: string, query = "") => {
      const response = await callRoute(tokensRoute.GET, { path: `/api/v2/tokens?limit=100${query}`, token });
      expect(response.status).toBe(200);
      const body = response.json as { items: TokenResponse[]; totalCount: number };
      expect(body.totalCount).toBe(body.items.length);
      return body.items.map((item) => item._id);
    };

    const readerSees = await list(reader.value);
    expect(readerSees).toContain(reader.token.id);
    expect(readerSees).toContain(service.token.id);
    expect(readerSees).not.toContain(admin.token.id);
    expect(await list(reader.value, "&showAll=true")).not.toContain(admin.token.id);

    const adminSees = await list(admin.value);
    expect(adminSees).not.toContain(reader.token.id);
    expect(await list(admin.value, "&showAll=true")).toEqual(
      expect.arrayContaining([reader.token.id, admin.token.id]),
    );

    const page = await callRoute(tokensRoute.GET, {
      path: "/api/v2/tokens?limit=1&offset=0",
      token: reader.value,
    });
    expect(page.json).toMatchObject({ items: [expect.any(Object)], _links: { next: expect.any(Object) } });
    const all = await list(reader.value);
    expect((page.json as { items: TokenResponse[] }).items[0]?._id).toBe(all[0]);
    const listed = await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: reader.value });
    expect(JSON.stringify(listed.json)).not.toContain(reader.value);
  });

  it("refuses the minimum sync policy (403) and answers 401 without a token, 400 for a bad limit", async () => {
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: sync.value }),
      403,
      "forbidden",
    );
    expectError(await callRoute(tokensRoute.GET, { path: "/api/v2/tokens" }), 401, "unauthorized");
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens?limit=0", token: reader.value }),
      400,
      "invalid_request",
    );
  });

  it("sets lastUsed once a token is used", async () => {
    const admin = await createTestToken({ role: "admin" });
    const fresh = tokenBody(
      await postToken(admin.value, { name: "used", role: "reader", serviceToken: true }),
    );
    const path = `/api/v2/tokens/${fresh._id}`;
    const before = await callRoute(tokenRoute.GET, {
      path,
      params: { tokenId: fresh._id },
      token: admin.value,
    });
    expect(tokenBody(before).lastUsed).toBeUndefined();
    const started = Date.now();
    expect((await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: fresh.token })).status).toBe(
      200,
    );
    const after = await callRoute(tokenRoute.GET, {
      path,
      params: { tokenId: fresh._id },
      token: admin.value,
    });
    expect(tokenBody(after).lastUsed).toBeGreaterThanOrEqual(started - 1000);
  });
});

describe("GET /api/v2/tokens/{tokenId}", () => {
  it("answers 404 for an unknown or malformed id, and the same 404 without viewAccessToken", async () => {
    const reader = await createTestToken({ role: "reader" });
    for (const tokenId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expectError(
        await callRoute(tokenRoute.GET, {
          path: `/api/v2/tokens/${tokenId}`,
          params: { tokenId },
          token: reader.value,
        }),
        404,
        "not_found",
      );
    }
    const sync = await createTestToken({ role: null, policy: MIN_SYNC_POLICY });
    const hidden = await callRoute(tokenRoute.GET, {
      path: `/api/v2/tokens/${reader.token.id}`,
      params: { tokenId: reader.token.id },
      token: sync.value,
    });
    expectError(hidden, 404, "not_found");
    expect((hidden.json as { message: string }).message).toBe(`Access token "${reader.token.id}" not found`);
  });
});
