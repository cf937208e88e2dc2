import { describe, expect, it } from "vitest";
import * as checkRoute from "@/app/api/v2/access/check/route";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { AccessCheckResponse } from "@/lib/schemas/access-check";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import {
  MAX_ACCESS_CHECKS,
  MAX_CHECKED_RESOURCE_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_ENTRIES,
  MAX_SPECIFIER_LENGTH,
} from "@/lib/server/access/policy-limits";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** Census's setup guide, pasted as it is into a token's inline policy. */
const CENSUS_POLICY: Policy = [
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
  { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
];

const SEGMENT_SYNC: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

function createToken(token: string, body: unknown) {
  return callRoute(tokensRoute.POST, { path: "/api/v2/tokens", token, body });
}

function pushCohort(token: string, environmentId: string, cohortId: string) {
  return callRoute(segmentTargetsRoute.POST, {
    path: "/api/v2/segment-targets/hightouch",
    params: { integrationKey: "hightouch" },
    token,
    body: buildPartnerPayload(
      INTEGRATIONS.hightouch,
      { environmentId, cohortId, cohortName: "Census cohort" },
      ["user-1"],
    ),
  });
}

function check(token: string, body: unknown) {
  return callRoute(checkRoute.POST, { path: "/api/v2/access/check", token, body });
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

describe("LaunchDarkly's vocabulary in token policies", () => {
  it("creates a token with Census's documented policy, which grants nothing on segments", async () => {
    const admin = await createTestToken({ role: "admin" });
    const response = await createToken(admin.value, {
      name: "Census",
      serviceToken: true,
      inlineRole: CENSUS_POLICY,
    });
    expect(response.status).toBe(201);
    const created = response.json as TokenResponse;
    expect(created.inlineRole).toEqual(CENSUS_POLICY);

    const { production } = await createTestProject();
    expectError(await pushCohort(created.token, production.clientSideId, "census-only"), 403, "forbidden");
    expect(await prisma.segment.count({ where: { environmentId: production.id } })).toBe(0);
  });

  it("syncs once the policy also names the segment actions", async () => {
    const admin = await createTestToken({ role: "admin" });
    const response = await createToken(admin.value, {
      name: "Census with segments",
      serviceToken: true,
      inlineRole: [...CENSUS_POLICY, ...SEGMENT_SYNC],
    });
    expect(response.status).toBe(201);
    const { production } = await createTestProject();
    const pushed = await pushCohort(
      (response.json as TokenResponse).token,
      production.clientSideId,
      "census",
    );
    expect(pushed.status).toBe(204);
  });

  it("still refuses an action or resource type outside both vocabularies with 400", async () => {
    const admin = await createTestToken({ role: "admin" });
    for (const statement of [
      { effect: "allow", actions: ["importEverything"], resources: ["proj/*:env/*"] },
      { effect: "allow", actions: ["*"], resources: ["proj/*:gadget/*"] },
    ]) {
      const response = await createToken(admin.value, {
        name: "made up",
        serviceToken: true,
        inlineRole: [statement],
      });
      expectError(response, 400, "invalid_request");
    }
  });
});

describe("limits on what enters the policy engine", () => {
  it("answers the request that used to block the server for seconds at once", async () => {
    const caller = await createTestToken({ role: "reader" });
    const body = {
      policy: [{ effect: "allow", actions: ["*"], resources: ["proj/*a*a*a*a*a*a*a*a*b"] }],
      checks: Array.from({ length: 5 }, () => ({
        action: "viewProject",
        resource: `proj/${"a".repeat(40)}`,
      })),
    };
    const { result, ms } = await timed(() => check(caller.value, body));
    expect(result.status).toBe(200);
    expect((result.json as AccessCheckResponse).results.every((answer) => !answer.allowed)).toBe(true);
    expect(ms).toBeLessThan(1_000);
  });

  it("answers the largest allowed near-miss request in bounded time", async () => {
    const caller = await createTestToken({ role: "reader" });
    const statements = Array.from({ length: MAX_POLICY_ENTRIES / 20 }, (_, index) => ({
      effect: "allow",
      actions: ["*"],
      resources: Array.from(
        { length: 19 },
        (_, item) => `proj/${"*a".repeat(MAX_GLOB_WILDCARDS - 2)}*c${index}x${item}*b`,
      ),
    }));
    const name = "a".repeat(MAX_CHECKED_RESOURCE_LENGTH - 10);
    const checks = Array.from({ length: MAX_ACCESS_CHECKS }, (_, index) => ({
      action: "viewProject",
      resource: `proj/${name}${index}b`,
    }));
    const { result, ms } = await timed(() => check(caller.value, { policy: statements, checks }));
    expect(result.status).toBe(200);
    expect(ms).toBeLessThan(5_000);
  });

  it.each([
    [
      "too many checks",
      {
        checks: Array.from({ length: MAX_ACCESS_CHECKS + 1 }, () => ({
          action: "viewProject",
          resource: "proj/a",
        })),
      },
    ],
    [
      "a glob with too many *",
      {
        policy: [
          { effect: "allow", actions: ["*"], resources: [`proj/${"*a".repeat(MAX_GLOB_WILDCARDS + 1)}`] },
        ],
        checks: [{ action: "viewProject", resource: "proj/a" }],
      },
    ],
    [
      "a specifier that is too long",
      {
        policy: [
          { effect: "allow", actions: ["*"], resources: [`proj/${"a".repeat(MAX_SPECIFIER_LENGTH)}`] },
        ],
        checks: [{ action: "viewProject", resource: "proj/a" }],
      },
    ],
    [
      "too many entries in the policy",
      {
        policy: Array.from({ length: 11 }, () => ({
          effect: "allow",
          actions: Array.from({ length: 50 }, () => "*"),
          resources: Array.from({ length: 50 }, (_, item) => `proj/p${item}`),
        })),
        checks: [{ action: "viewProject", resource: "proj/a" }],
      },
    ],
  ])("refuses %s in the policy tester with 400 and the error body", async (_label, body) => {
    const caller = await createTestToken({ role: "reader" });
    expectError(await check(caller.value, body), 400, "invalid_request");
  });

  it("refuses an audit-log spec beyond the limits with 400 and the error body", async () => {
    const admin = await createTestToken({ role: "admin" });
    for (const spec of [
      `proj/${"*a".repeat(MAX_GLOB_WILDCARDS + 1)}`,
      `proj/${"a".repeat(MAX_SPECIFIER_LENGTH)}`,
    ]) {
      const response = await callRoute(auditRoute.GET, {
        path: `/api/v2/auditlog?spec=${encodeURIComponent(spec)}`,
        token: admin.value,
      });
      expectError(response, 400, "invalid_request");
    }
  });
});
