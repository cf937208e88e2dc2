import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const HOUR_MS = 3_600_000;
/** TRIBUTARY_TOKEN_MAX_GRACE_HOURS's default. */
const MAX_GRACE_HOURS = 168;

async function reset(token: string, tokenId: string, query = "") {
  return callRoute(resetRoute.POST, {
    method: "POST",
    path: `/api/v2/tokens/${tokenId}/reset${query}`,
    params: { tokenId },
    token,
  });
}

async function hashOf(tokenId: string) {
  return (await prisma.accessToken.findUniqueOrThrow({ where: { id: tokenId } })).hashedValue;
}

// What the app writes to stderr (its error log) during each test.
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("out-of-range times", () => {
  it("a reset expiry past the last valid date is a 400 with nothing written or logged", async () => {
    const admin = await createTestToken({ role: "admin", serviceToken: false });
    const target = await createTestToken({ role: "reader" });
    for (const expiry of ["8640000000000001", "9000000000000000", "1e400", "NaN"]) {
      expectError(await reset(admin.value, target.token.id, `?expiry=${expiry}`), 400, "invalid_request");
    }
    expect(await hashOf(target.token.id)).toBe(target.token.hashedValue);
    expect(logged.join("")).toBe("");
  });

  it("a token expiresAt past the last valid date is a 400 with nothing written or logged", async () => {
    const admin = await createTestToken({ role: "admin", serviceToken: false });
    const before = await prisma.accessToken.count();
    for (const expiresAt of [8_640_000_000_000_001, 9_000_000_000_000_000]) {
      for (const serviceToken of [true, false]) {
        const response = await callRoute(tokensRoute.POST, {
          path: "/api/v2/tokens",
          token: admin.value,
          body: { name: unique("far"), role: "reader", serviceToken, expiresAt },
        });
        expectError(response, 400, "invalid_request");
        expect((response.json as { message: string }).message).toContain("expiresAt");
      }
    }
    expect(await prisma.accessToken.count()).toBe(before);
    expect(logged.join("")).toBe("");
  });
});

describe("the grace period of a reset's old value", () => {
  it("is capped at TRIBUTARY_TOKEN_MAX_GRACE_HOURS", async () => {
    const admin = await createTestToken({ role: "admin", serviceToken: false });
    const target = await createTestToken({ role: "reader" });
    for (const expiry of [Date.now() + (MAX_GRACE_HOURS + 1) * HOUR_MS, 8_640_000_000_000_000]) {
      const response = await reset(admin.value, target.token.id, `?expiry=${expiry}`);
      expectError(response, 400, "invalid_request");
      expect((response.json as { message: string }).message).toContain("TRIBUTARY_TOKEN_MAX_GRACE_HOURS");
    }
    expect(await hashOf(target.token.id)).toBe(target.token.hashedValue);
    const within = await reset(
      admin.value,
      target.token.id,
      `?expiry=${Date.now() + (MAX_GRACE_HOURS - 1) * HOUR_MS}`,
    );
    expect(within.status).toBe(200);
  });

  it("never lets the old value reset, change or delete its own token, nor reset another", async () => {
    const admin = await createTestToken({ role: "admin", serviceToken: false });
    const target = await createTestToken({ role: "admin" });
    const first = await reset(admin.value, target.token.id, `?expiry=${Date.now() + HOUR_MS}`);
    expect(first.status).toBe(200);
    const newValue = (first.json as TokenResponse).token;
    const hash = await hashOf(target.token.id);
    const own = { path: `/api/v2/tokens/${target.token.id}`, params: { tokenId: target.token.id } };

    expectError(await reset(target.value, target.token.id), 403, "forbidden");
    expectError(
      await callRoute(tokenRoute.PATCH, {
        ...own,
        method: "PATCH",
        token: target.value,
        body: [{ op: "replace", path: "/name", value: "mine now" }],
      }),
      403,
      "forbidden",
    );
    expectError(
      await callRoute(tokenRoute.DELETE, { ...own, method: "DELETE", token: target.value }),
      403,
      "forbidden",
    );
    expect(await hashOf(target.token.id)).toBe(hash);

    // Nor another token: a reset hands out a lasting value (its ordinary work: grace-value-hands-out-nothing.test.ts).
    const other = await createTestToken({ role: "reader" });
    expectError(await reset(target.value, other.token.id), 403, "forbidden");
    expect(await hashOf(other.token.id)).toBe(other.token.hashedValue);
    // The new value keeps full control of its token.
    const renamed = await callRoute(tokenRoute.PATCH, {
      ...own,
      method: "PATCH",
      token: newValue,
      body: [{ op: "replace", path: "/name", value: "rotated" }],
    });
    expect(renamed.status).toBe(200);
  });
});
