import { beforeAll, describe, expect, it } from "vitest";
import * as invitesRoute from "@/app/api/v2/invites/route";
import * as inviteRoute from "@/app/api/v2/members/[memberId]/invite/route";
import * as redeemRoute from "@/app/api/v2/password-links/redeem/route";
import type { InviteCreated } from "@/lib/schemas/invite";
import { prisma } from "@/lib/server/db";
import {
  MAX_PASSWORD_LINK_BODY_BYTES,
  PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE,
} from "@/lib/server/invites/password-link-limits";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { freshClientAddress, linkSecret, redeemLink } from "@/tests/support/password-links";
import { sessionHeaders } from "@/tests/support/session-headers";

let adminToken: string;

beforeAll(async () => {
  adminToken = (await createTestToken({ role: "admin" })).value;
});

function postInvite(body: unknown, auth: { token?: string; headers?: Record<string, string> }) {
  return callRoute(invitesRoute.POST, { path: "/api/v2/invites", body, ...auth });
}

async function membersWithEmail(email: string) {
  return prisma.member.count({ where: { email } });
}

describe("creating an invite", () => {
  it("needs a token or session (401), createMember (403) and a valid body (400), and writes nothing otherwise", async () => {
    const email = `${unique("nobody")}@example.test`;
    expectError(await postInvite({ email, role: "reader" }, {}), 401, "unauthorized");
    const reader = (await createTestToken({ role: "reader" })).value;
    expectError(await postInvite({ email, role: "reader" }, { token: reader }), 403, "forbidden");
    expectError(
      await postInvite({ email: "not-an-email", role: "reader" }, { token: adminToken }),
      400,
      "invalid_request",
    );
    expectError(await postInvite({ email, role: "owner" }, { token: adminToken }), 400, "invalid_request");
    expectError(
      await postInvite({ email, role: "reader", password: "the-admin-chooses-it" }, { token: adminToken }),
      400,
      "invalid_request",
    );
    expect(await membersWithEmail(email)).toBe(0);
    expect(await prisma.passwordLink.count({ where: { member: { email } } })).toBe(0);
  });

  it("may not grant more than the caller holds", async () => {
    // Every member action, but no segments: inviting an admin would hand out what this token lacks.
    const membersOnly = [{ effect: "allow" as const, actions: ["*"], resources: ["member/*"] }];
    const limited = (await createTestToken({ role: null, policy: membersOnly })).value;
    const email = `${unique("admin-invite")}@example.test`;
    expectError(await postInvite({ email, role: "admin" }, { token: limited }), 403, "forbidden");
    expect(await membersWithEmail(email)).toBe(0);
  });

  it("from a signed-in admin works like from a token", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const email = `${unique("by-session")}@example.test`;
    const answer = await postInvite({ email, role: "writer" }, { headers: await sessionHeaders(member.id) });
    expect(answer.status).toBe(201);
    expect((answer.json as InviteCreated).member.role).toBe("writer");
  });
});

describe("a new link or revoking", () => {
  it("needs the same rights as inviting, and a pending member (409 once accepted)", async () => {
    const created = (
      await postInvite({ email: `${unique("p")}@example.test`, role: "reader" }, { token: adminToken })
    ).json as InviteCreated;
    const memberId = created.member._id;
    const call = { path: `/api/v2/members/${memberId}/invite`, params: { memberId } };
    const reader = (await createTestToken({ role: "reader" })).value;
    expectError(
      await callRoute(inviteRoute.POST, { ...call, method: "POST", token: reader }),
      403,
      "forbidden",
    );
    expectError(
      await callRoute(inviteRoute.DELETE, { ...call, method: "DELETE", token: reader }),
      403,
      "forbidden",
    );
    const writerOnly = (
      await createTestToken({
        role: null,
        policy: [{ effect: "allow", actions: ["*"], resources: ["proj/*"] }],
      })
    ).value;
    expectError(
      await callRoute(inviteRoute.POST, { ...call, method: "POST", token: writerOnly }),
      404,
      "not_found",
    );
    expect(await prisma.passwordLink.count({ where: { memberId } })).toBe(1);

    expect((await redeemLink(linkSecret(created.link.url), "a-long-enough-password")).status).toBe(200);
    expectError(
      await callRoute(inviteRoute.POST, { ...call, method: "POST", token: adminToken }),
      409,
      "conflict",
    );
    expectError(
      await callRoute(inviteRoute.DELETE, { ...call, method: "DELETE", token: adminToken }),
      409,
      "conflict",
    );
    expect(await prisma.member.count({ where: { id: memberId } })).toBe(1);
  });
});

describe("the public link form", () => {
  it(`is limited to ${PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE} uses a minute per address, counted before any work`, async () => {
    const address = freshClientAddress();
    for (let attempt = 0; attempt < PASSWORD_LINK_ATTEMPTS_PER_IP_PER_MINUTE; attempt++)
      expect((await redeemLink("B".repeat(43), "a-long-enough-password", address)).status).toBe(404);
    const refused = await redeemLink("B".repeat(43), "a-long-enough-password", address);
    expectError(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await redeemLink("B".repeat(43), "a-long-enough-password")).status).toBe(404);
  });

  it(`refuses bodies over ${MAX_PASSWORD_LINK_BODY_BYTES} bytes and what is not JSON`, async () => {
    const big = await callRoute(redeemRoute.POST, {
      path: "/api/v2/password-links/redeem",
      body: { secret: "C".repeat(43), password: "x".repeat(MAX_PASSWORD_LINK_BODY_BYTES) },
      headers: { "x-forwarded-for": freshClientAddress() },
    });
    expectError(big, 413, "payload_too_large");
    const form = await callRoute(redeemRoute.POST, {
      path: "/api/v2/password-links/redeem",
      rawBody: "secret=x",
      headers: {
        "x-forwarded-for": freshClientAddress(),
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expectError(form, 415, "unsupported_media_type");
    const tooLong = await redeemLink("D".repeat(43), "y".repeat(1025));
    expectError(tooLong, 400, "invalid_request");
  });
});
