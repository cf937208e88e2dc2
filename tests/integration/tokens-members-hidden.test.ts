import { describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** A sync tool's token: it may view neither tokens nor members. */
const SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

const MADE_UP_ID = "00000000-0000-4000-8000-000000000000";

type Answer = { status: number; json: unknown };

/** An answer with the asked-for id written as `<id>`, and without the request id: what two answers must share. */
function shape(answer: Answer, askedId: string) {
  const body = answer.json as { code?: string; message?: string };
  return { status: answer.status, code: body.code, message: body.message?.replaceAll(askedId, "<id>") };
}

type Call = (token: string, id: string) => Promise<Answer>;

/** Asserts that every call answers for `hiddenId` exactly as for an id that does not exist. */
async function expectHidden(calls: Record<string, Call>, token: string, hiddenId: string) {
  for (const [name, call] of Object.entries(calls)) {
    const hidden = await call(token, hiddenId);
    expectError(hidden, 404, "not_found");
    expect(shape(hidden, hiddenId), name).toEqual(shape(await call(token, MADE_UP_ID), MADE_UP_ID));
  }
}

const tokenCalls = (patch: unknown): Record<"get" | "patch" | "delete" | "reset", Call> => ({
  get: (token, tokenId) =>
    callRoute(tokenRoute.GET, { path: `/api/v2/tokens/${tokenId}`, params: { tokenId }, token }),
  patch: (token, tokenId) =>
    callRoute(tokenRoute.PATCH, {
      method: "PATCH",
      path: `/api/v2/tokens/${tokenId}`,
      params: { tokenId },
      token,
      body: patch,
    }),
  delete: (token, tokenId) =>
    callRoute(tokenRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/tokens/${tokenId}`,
      params: { tokenId },
      token,
    }),
  reset: (token, tokenId) =>
    callRoute(resetRoute.POST, {
      method: "POST",
      path: `/api/v2/tokens/${tokenId}/reset`,
      params: { tokenId },
      token,
    }),
});

const memberCalls = (patch: unknown): Record<"get" | "patch" | "delete", Call> => ({
  get: (token, memberId) =>
    callRoute(memberRoute.GET, { path: `/api/v2/members/${memberId}`, params: { memberId }, token }),
  patch: (token, memberId) =>
    callRoute(memberRoute.PATCH, {
      method: "PATCH",
      path: `/api/v2/members/${memberId}`,
      params: { memberId },
      token,
      body: patch,
    }),
  delete: (token, memberId) =>
    callRoute(memberRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/members/${memberId}`,
      params: { memberId },
      token,
    }),
});

describe("a token the caller may not view", () => {
  it("answers every route exactly like a made-up id, whether a guessed role is right or wrong", async () => {
    const sync = await createTestToken({ role: null, policy: SYNC_POLICY });
    const target = await createTestToken({ role: "admin" });
    for (const guess of ["admin", "reader"]) {
      await expectHidden(
        tokenCalls([{ op: "test", path: "/role", value: guess }]),
        sync.value,
        target.token.id,
      );
    }
    const stored = await prisma.accessToken.findUniqueOrThrow({ where: { id: target.token.id } });
    expect(stored.hashedValue).toBe(target.token.hashedValue);
  });

  it("refuses a patch the caller may not make before any test runs (403, not 409)", async () => {
    const reader = await createTestToken({ role: "reader" });
    const target = await createTestToken({ role: "admin" });
    for (const guess of ["admin", "writer"]) {
      const response = await tokenCalls([
        { op: "test", path: "/role", value: guess },
        { op: "replace", path: "/name", value: "renamed" },
      ]).patch(reader.value, target.token.id);
      expectError(response, 403, "forbidden");
    }
  });
});

describe("a member the caller may not view", () => {
  it("answers every route exactly like a made-up id, whether a guessed email is right or wrong", async () => {
    const sync = await createTestToken({ role: null, policy: SYNC_POLICY });
    const { member } = await createTestMember({ role: "reader" });
    for (const guess of [member.email, "someone-else@example.test"]) {
      await expectHidden(memberCalls([{ op: "test", path: "/email", value: guess }]), sync.value, member.id);
    }
    expect(await prisma.member.findUnique({ where: { id: member.id } })).not.toBeNull();
  });

  it("refuses a patch the caller may not make before any test runs (403, not 409)", async () => {
    const { member: reader } = await createTestMember({ role: "reader" });
    const readerToken = await createTestToken({ role: "reader", memberId: reader.id, serviceToken: false });
    const { member } = await createTestMember({ role: "writer" });
    for (const guess of [member.email, "someone-else@example.test"]) {
      const response = await memberCalls([
        { op: "test", path: "/email", value: guess },
        { op: "replace", path: "/firstName", value: "Ada" },
      ]).patch(readerToken.value, member.id);
      expectError(response, 403, "forbidden");
    }
  });
});
