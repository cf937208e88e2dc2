import { describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { tokenBody, auditText } from "@/tests/support/tokens-api";

describe("DELETE /api/v2/tokens/{tokenId}", () => {
  it("deletes a token (204); its value then gets 401", async () => {
    const admin = await createTestToken({ role: "admin" });
    const victim = await createTestToken({ role: "reader" });
    const params = { tokenId: victim.token.id };
    const path = `/api/v2/tokens/${victim.token.id}`;
    const reader = await createTestToken({ role: "reader" });
    expectError(
      await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params, token: reader.value }),
      403,
      "forbidden",
    );
    expectError(await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params }), 401, "unauthorized");

    const response = await callRoute(tokenRoute.DELETE, {
      method: "DELETE",
      path,
      params,
      token: admin.value,
    });
    expect(response.status).toBe(204);
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: victim.value }),
      401,
      "unauthorized",
    );
    expect(
      await prisma.auditEntry.count({ where: { target: `service-token/${victim.token.id}`, kind: "token" } }),
    ).toBe(1);
    expectError(
      await callRoute(tokenRoute.DELETE, { method: "DELETE", path, params, token: admin.value }),
      404,
      "not_found",
    );
  });
});

describe("POST /api/v2/tokens/{tokenId}/reset", () => {
  async function reset(token: string, tokenId: string, query = "") {
    return callRoute(resetRoute.POST, {
      method: "POST",
      path: `/api/v2/tokens/${tokenId}/reset${query}`,
      params: { tokenId },
      token,
    });
  }

  it("returns a new value once; the old one works until the expiry, then gets 401", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await reset(admin.value, target.token.id, `?expiry=${Date.now() + 60 * 60_000}`);
    expect(response.status).toBe(200);
    const fresh = tokenBody(response).token;
    expect(fresh).toMatch(/^api-/);
    expect(fresh).not.toBe(target.value);

    const list = (token: string) => callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token });
    expect((await list(fresh)).status).toBe(200);
    expect((await list(target.value)).status).toBe(200);

    await prisma.accessToken.update({
      where: { id: target.token.id },
      data: { previousExpiresAt: new Date(Date.now() - 1000) },
    });
    // An edit straight in the database reaches the cached principal by the access trigger's notification.
    await vi.waitFor(async () => expectError(await list(target.value), 401, "unauthorized"), {
      timeout: 2_000,
      interval: 10,
    });
    expect((await list(fresh)).status).toBe(200);

    const shown = await callRoute(tokenRoute.GET, {
      path: `/api/v2/tokens/${target.token.id}`,
      params: { tokenId: target.token.id },
      token: admin.value,
    });
    expect(tokenBody(shown).token).toBe(fresh.slice(-4));
    const everything = await auditText();
    expect(everything).not.toContain(fresh);
    expect(everything).not.toContain(target.value);
  });

  it("stops the old value at once without an expiry", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    const response = await reset(admin.value, target.token.id);
    expect(response.status).toBe(200);
    expectError(
      await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: target.value }),
      401,
      "unauthorized",
    );
    expect(
      (await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: tokenBody(response).token })).status,
    ).toBe(200);
  });

  it("answers 400 for a bad expiry, 403 without resetAccessToken, 404 for an unknown token", async () => {
    const admin = await createTestToken({ role: "admin" });
    const target = await createTestToken({ role: "reader" });
    expectError(await reset(admin.value, target.token.id, "?expiry=soon"), 400, "invalid_request");
    const reader = await createTestToken({ role: "reader" });
    expectError(await reset(reader.value, target.token.id), 403, "forbidden");
    expectError(await reset(admin.value, "00000000-0000-4000-8000-000000000000"), 404, "not_found");
    expect((await resolveTokenPrincipal(target.value))?.token?.id).toBe(target.token.id);
  });
});
