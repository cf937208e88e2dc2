import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";
import { sessionHeaders } from "@/tests/support/session-headers";

/*
 * Statements that name only LaunchDarkly's resources (metrics, event data's shapes Tributary lacks) grant nothing here,
 * so handing them out needs nothing: a writer can make the token a partner's setup guide asks for.
 */

const SYNC_TOOL: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

/** Census's setup guide, word for word. */
const CENSUS_GUIDE: Policy = [
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
  { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
];

/** Tealium's setup guide. */
const TEALIUM_GUIDE: Policy = [
  { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
];

/** A writer who may also make personal tokens for themself, as a dashboard user setting up a partner would. */
async function writerWhoMakesTokens() {
  const { member } = await createTestMember({ role: "writer" });
  const role = await prisma.customRole.create({
    data: {
      key: unique("token-maker"),
      name: "Token maker",
      policy: [
        {
          effect: "allow",
          actions: ["createAccessToken", "viewAccessToken"],
          resources: [`member/${member.id}:token/*`],
        },
      ],
    },
  });
  await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: role.id } });
  return member;
}

async function createTokenAs(memberId: string, inlineRole: Policy) {
  return callRoute(tokensRoute.POST, {
    path: "/api/v2/tokens",
    headers: await sessionHeaders(memberId),
    body: { name: unique("partner"), inlineRole },
  });
}

describe("granting statements that name only LaunchDarkly's resources", () => {
  it("a writer creates Census's guide token, and it carries Census's push", async () => {
    const writer = await writerWhoMakesTokens();
    const created = await createTokenAs(writer.id, [...CENSUS_GUIDE, ...SYNC_TOOL]);
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const { production } = await createTestProject();
    const integrationKey = "census-synced-segments";
    const payload = PARTNER_PAYLOADS[integrationKey];
    if (!payload) throw new Error(`no payload for ${integrationKey}`);
    const pushed = await callRoute(segmentTargetsRoute.POST, {
      path: `/api/v2/segment-targets/${integrationKey}`,
      params: { integrationKey },
      token: (created.json as { token: string }).token,
      body: payload(production.clientSideId, unique("cohort")),
    });
    expect(pushed.status, JSON.stringify(pushed.json)).toBe(204);
  });

  it("a writer creates Tealium's guide token", async () => {
    const writer = await writerWhoMakesTokens();
    const created = await createTokenAs(writer.id, [...TEALIUM_GUIDE, ...SYNC_TOOL]);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
  });

  it("a writer still cannot grant what it lacks beside them", async () => {
    const writer = await writerWhoMakesTokens();
    const before = await prisma.accessToken.count();
    const refused = await createTokenAs(writer.id, [
      ...CENSUS_GUIDE,
      { effect: "allow", actions: ["deleteAccessToken"], resources: ["member/*:token/*"] },
    ]);
    expectError(refused, 403, "forbidden");
    expect((refused.json as { message: string }).message).toContain("deleteAccessToken");
    expect(await prisma.accessToken.count()).toBe(before);
  });
});
