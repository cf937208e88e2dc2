import { beforeAll, describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as membersRoute from "@/app/api/v2/members/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as roleRoute from "@/app/api/v2/roles/[roleKey]/route";
import * as rolesRoute from "@/app/api/v2/roles/route";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";

/*
 * A reset's old value keeps working through its grace period so that deployments can switch over. If it leaked, whoever
 * holds it must not turn it into a credential that outlives the grace period: it creates and resets no token, creates no
 * member and changes nobody's access. It still does the token's ordinary work.
 */

const HOUR_MS = 3_600_000;
const GRACE_REFUSAL = /grace period/;

let oldValue: string;

function expectGraceRefusal(response: { status: number; json: unknown }): void {
  expectError(response, 403, "forbidden");
  expect((response.json as { message: string }).message).toMatch(GRACE_REFUSAL);
}

beforeAll(async () => {
  const resetter = await createTestToken({ role: "admin", serviceToken: false });
  const target = await createTestToken({ role: "admin" });
  const reset = await callRoute(resetRoute.POST, {
    method: "POST",
    path: `/api/v2/tokens/${target.token.id}/reset?expiry=${Date.now() + HOUR_MS}`,
    params: { tokenId: target.token.id },
    token: resetter.value,
  });
  expect(reset.status).toBe(200);
  expect((reset.json as TokenResponse).token).not.toBe(target.value);
  oldValue = target.value;
});

describe("a reset's old value, in its grace period", () => {
  it("creates no token", async () => {
    const before = await prisma.accessToken.count();
    for (const body of [
      { name: unique("minted"), role: "admin", serviceToken: true },
      { name: unique("minted"), role: "reader", serviceToken: true },
    ]) {
      expectGraceRefusal(
        await callRoute(tokensRoute.POST, { path: "/api/v2/tokens", token: oldValue, body }),
      );
    }
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("resets no other token, and changes no other token's access", async () => {
    const other = await createTestToken({ role: "reader" });
    expectGraceRefusal(
      await callRoute(resetRoute.POST, {
        method: "POST",
        path: `/api/v2/tokens/${other.token.id}/reset`,
        params: { tokenId: other.token.id },
        token: oldValue,
      }),
    );
    expectGraceRefusal(
      await callRoute(tokenRoute.PATCH, {
        method: "PATCH",
        path: `/api/v2/tokens/${other.token.id}`,
        params: { tokenId: other.token.id },
        token: oldValue,
        body: [{ op: "replace", path: "/role", value: "admin" }],
      }),
    );
    const after = await prisma.accessToken.findUniqueOrThrow({ where: { id: other.token.id } });
    expect(after).toMatchObject({ hashedValue: other.token.hashedValue, role: "reader" });
  });

  it("creates no member and changes no member's access", async () => {
    const email = `${unique("minted")}@example.test`;
    expectGraceRefusal(
      await callRoute(membersRoute.POST, {
        path: "/api/v2/members",
        token: oldValue,
        body: { email, password: "a-long-password-1", role: "admin" },
      }),
    );
    expect(await prisma.member.findUnique({ where: { email } })).toBeNull();

    const { member } = await createTestMember({ role: "reader" });
    expectGraceRefusal(
      await callRoute(memberRoute.PATCH, {
        method: "PATCH",
        path: `/api/v2/members/${member.id}`,
        params: { memberId: member.id },
        token: oldValue,
        body: [{ op: "replace", path: "/role", value: "admin" }],
      }),
    );
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("reader");
  });

  it("creates no custom role and changes no role's policy", async () => {
    const key = unique("minted");
    expectGraceRefusal(
      await callRoute(rolesRoute.POST, {
        path: "/api/v2/roles",
        token: oldValue,
        body: { key, name: "minted", policy: [] },
      }),
    );
    expect(await prisma.customRole.findUnique({ where: { key } })).toBeNull();

    const held = await prisma.customRole.create({ data: { key: unique("held"), name: "held", policy: [] } });
    expectGraceRefusal(
      await callRoute(roleRoute.PATCH, {
        method: "PATCH",
        path: `/api/v2/roles/${held.key}`,
        params: { roleKey: held.key },
        token: oldValue,
        body: [
          {
            op: "replace",
            path: "/policy",
            value: [{ effect: "allow", actions: ["*"], resources: ["acct"] }],
          },
        ],
      }),
    );
    expect((await prisma.customRole.findUniqueOrThrow({ where: { id: held.id } })).policy).toEqual([]);
  });

  it("still does the token's ordinary work: reads and pushes", async () => {
    expect((await callRoute(projectsRoute.GET, { path: "/api/v2/projects", token: oldValue })).status).toBe(
      200,
    );
    expect((await callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: oldValue })).status).toBe(200);
    const { production } = await createTestProject();
    const integrationKey = "segment-audiences";
    const payload = PARTNER_PAYLOADS[integrationKey];
    if (!payload) throw new Error(`no payload for ${integrationKey}`);
    const pushed = await callRoute(segmentTargetsRoute.POST, {
      path: `/api/v2/segment-targets/${integrationKey}`,
      params: { integrationKey },
      token: oldValue,
      body: payload(production.clientSideId, unique("cohort")),
    });
    expect(pushed.status, JSON.stringify(pushed.json)).toBe(204);
  });
});
