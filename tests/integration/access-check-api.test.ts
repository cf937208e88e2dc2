import { describe, expect, it } from "vitest";
import * as checkRoute from "@/app/api/v2/access/check/route";
import type { AccessCheckResponse } from "@/lib/schemas/access-check";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

const SEGMENT = "proj/default:env/production:segment/beta";

async function check(token: string | null, body: unknown) {
  return callRoute(checkRoute.POST, { path: "/api/v2/access/check", token, body });
}

function results(response: { json: unknown }) {
  return (response.json as AccessCheckResponse).results;
}

describe("POST /api/v2/access/check: the caller's own access", () => {
  it("answers each check in order with the deciding role and statement", async () => {
    const admin = await createTestToken({ role: "admin" });
    const response = await check(admin.value, {
      checks: [
        { action: "createAccessToken", resource: "service-token/*" },
        { action: "deleteRole", resource: "role/sync" },
        { action: "updateIncluded", resource: SEGMENT },
      ],
    });
    expect(response.status).toBe(200);
    expect(results(response)).toEqual([
      {
        action: "createAccessToken",
        resource: "service-token/*",
        allowed: true,
        reason: 'role "admin" allows createAccessToken on service-token/* (statement 1)',
      },
      {
        action: "deleteRole",
        resource: "role/sync",
        allowed: true,
        reason: expect.stringContaining('"admin"'),
      },
      {
        action: "updateIncluded",
        resource: SEGMENT,
        allowed: true,
        reason: expect.stringContaining("statement 0"),
      },
    ]);
  });

  it("denies what the role does not allow, saying so", async () => {
    const reader = await createTestToken({ role: "reader" });
    const response = await check(reader.value, {
      checks: [
        { action: "createAccessToken", resource: "service-token/*" },
        { action: "viewAccessToken", resource: "service-token/*" },
      ],
    });
    expect(results(response)).toEqual([
      {
        action: "createAccessToken",
        resource: "service-token/*",
        allowed: false,
        reason: "no statement allows createAccessToken on service-token/*",
      },
      expect.objectContaining({ allowed: true }),
    ]);
  });

  it("bounds a personal token by its member's access", async () => {
    const { member } = await createTestMember({ role: "reader" });
    const personal = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    const [result] = results(
      await check(personal.value, { checks: [{ action: "createRole", resource: "role/x" }] }),
    );
    expect(result).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("the token's member may not"),
    });
  });

  it("answers an unknown action or an unparsable resource as denied with the reason, not an error", async () => {
    const admin = await createTestToken({ role: "admin" });
    const response = await check(admin.value, {
      checks: [
        { action: "launchRocket", resource: "acct" },
        { action: "viewProject", resource: "project/web" },
      ],
    });
    expect(response.status).toBe(200);
    expect(results(response)).toEqual([
      expect.objectContaining({ allowed: false, reason: '"launchRocket" is not a known action' }),
      expect.objectContaining({
        allowed: false,
        reason: expect.stringContaining('"project/web" is not a valid resource'),
      }),
    ]);
  });
});

describe("POST /api/v2/access/check: a supplied policy", () => {
  it("evaluates the policy alone, not the caller's roles, naming it in the reason", async () => {
    const reader = await createTestToken({ role: "reader" });
    const response = await check(reader.value, {
      policy: SYNC_POLICY,
      policyName: "sync-tool",
      checks: [
        { action: "updateIncluded", resource: SEGMENT },
        { action: "deleteSegment", resource: SEGMENT },
        { action: "viewProject", resource: "proj/default" },
      ],
    });
    expect(results(response)).toEqual([
      {
        action: "updateIncluded",
        resource: SEGMENT,
        allowed: true,
        reason: `role "sync-tool" allows updateIncluded on ${SEGMENT} (statement 0)`,
      },
      {
        action: "deleteSegment",
        resource: SEGMENT,
        allowed: false,
        reason: `no statement allows deleteSegment on ${SEGMENT}`,
      },
      expect.objectContaining({ action: "viewProject", allowed: false }),
    ]);
  });

  it("lets an explicit deny win over an allow", async () => {
    const admin = await createTestToken({ role: "admin" });
    const [result] = results(
      await check(admin.value, {
        policy: [
          { effect: "allow", actions: ["*"], resources: ["proj/*:env/*:segment/*"] },
          { effect: "deny", actions: ["update*"], resources: ["proj/*:env/production:segment/*"] },
        ],
        checks: [{ action: "updateIncluded", resource: SEGMENT }],
      }),
    );
    expect(result).toMatchObject({
      allowed: false,
      reason: `role "policy" denies updateIncluded on ${SEGMENT} (statement 1) and no role allows it`,
    });
  });

  it("writes nothing", async () => {
    const admin = await createTestToken({ role: "admin" });
    const before = await prisma.auditEntry.count();
    const roles = await prisma.customRole.count();
    await check(admin.value, {
      policy: SYNC_POLICY,
      checks: [{ action: "createSegment", resource: SEGMENT }],
    });
    expect(await prisma.auditEntry.count()).toBe(before);
    expect(await prisma.customRole.count()).toBe(roles);
  });
});

describe("POST /api/v2/access/check: validation and authentication", () => {
  it.each([
    ["no checks", { checks: [] }, "checks: must not be empty"],
    ["a missing checks list", {}, "checks"],
    ["an empty action", { checks: [{ action: "", resource: "acct" }] }, "checks.0.action: must not be empty"],
    [
      "too many checks",
      { checks: Array.from({ length: 201 }, () => ({ action: "viewProject", resource: "acct" })) },
      "at most 200 checks",
    ],
    [
      "a policy statement with an empty actions list",
      {
        policy: [{ effect: "allow", actions: [], resources: ["acct"] }],
        checks: [{ action: "viewProject", resource: "acct" }],
      },
      'statement 0: "actions" must not be empty',
    ],
    [
      "a policy with an unknown action",
      {
        policy: [{ effect: "allow", actions: ["fly"], resources: ["acct"] }],
        checks: [{ action: "viewProject", resource: "acct" }],
      },
      'statement 0: "actions" has an unknown action "fly"',
    ],
  ])("rejects %s with 400 and the precise message", async (_case, body, message) => {
    const admin = await createTestToken({ role: "admin" });
    const response = await check(admin.value, body);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain(message);
  });

  it("answers 401 without a token or with an unknown one", async () => {
    const body = { checks: [{ action: "viewProject", resource: "proj/default" }] };
    expectError(await check(null, body), 401, "unauthorized");
    expectError(await check("api-not-a-real-token-000000000000000000", body), 401, "unauthorized");
  });

  it("answers a no_access caller too: the answer is about access, not data", async () => {
    const nobody = await createTestToken({ role: "no_access" });
    const response = await check(nobody.value, {
      checks: [{ action: "viewProject", resource: "proj/default" }],
    });
    expect(response.status).toBe(200);
    expect(results(response)).toEqual([expect.objectContaining({ allowed: false })]);
  });
});
