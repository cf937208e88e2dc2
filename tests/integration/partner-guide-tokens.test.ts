import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";

/*
 * Each partner's setup guide says how to make the token the tool is given. Made exactly so (through the API, as a
 * person would in the dashboard), the token must carry the tool's first push.
 */

const SYNC_TOOL: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

type TokenRecipe = { role: "writer" } | { inlineRole: Policy };
type Guide = { integrationKey: string; guide: string; token: TokenRecipe };

/** LaunchDarkly's synced-segments guide, which the remaining tools' own guides refer to. */
function generalGuide(integrationKey: string): Guide[] {
  return [
    {
      integrationKey,
      guide: "LaunchDarkly's synced segments guide: the Writer role",
      token: { role: "writer" },
    },
    {
      integrationKey,
      guide: "LaunchDarkly's synced segments guide: createSegment and updateIncluded",
      token: { inlineRole: SYNC_TOOL },
    },
  ];
}

const GUIDES: readonly Guide[] = [
  {
    integrationKey: "amplitude",
    guide: "LaunchDarkly's Amplitude guide: write access",
    token: { role: "writer" },
  },
  {
    integrationKey: "segment-audiences",
    guide: "Twilio Segment's destination: the Writer role",
    token: { role: "writer" },
  },
  {
    integrationKey: "segment-audiences",
    guide: "Twilio Segment's destination: createSegment and updateIncluded",
    token: { inlineRole: SYNC_TOOL },
  },
  {
    integrationKey: "heap-inbound",
    guide: "Heap's guide: the Writer role, a service token",
    token: { role: "writer" },
  },
  {
    integrationKey: "census-synced-segments",
    guide: "Census (Fivetran Activations): segments, event data and metrics",
    token: {
      inlineRole: [
        ...SYNC_TOOL,
        { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
        { effect: "allow", actions: ["*"], resources: ["proj/*:metric/*"] },
      ],
    },
  },
  {
    integrationKey: "tealium-synced-segments",
    guide: "Tealium: segments and event data",
    token: {
      inlineRole: [
        ...SYNC_TOOL,
        { effect: "allow", actions: ["importEventData"], resources: ["proj/*:env/*"] },
      ],
    },
  },
  ...["rudderstack", "hightouch", "zeotap"].flatMap(generalGuide),
];

describe("a token made as a partner's setup guide says carries the tool's push", () => {
  it.each(GUIDES.map((entry) => [entry.integrationKey, entry.guide, entry] as const))(
    "%s (%s)",
    async (integrationKey, _guide, { token }) => {
      const { production } = await createTestProject();
      const admin = await createTestToken({ role: "admin" });
      const created = await callRoute(tokensRoute.POST, {
        path: "/api/v2/tokens",
        token: admin.value,
        body: { name: `${integrationKey} sync`, serviceToken: true, ...token },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const value = (created.json as { token: string }).token;

      const payload = PARTNER_PAYLOADS[integrationKey];
      if (!payload) throw new Error(`no payload for ${integrationKey}`);
      const pushed = await callRoute(segmentTargetsRoute.POST, {
        path: `/api/v2/segment-targets/${integrationKey}`,
        params: { integrationKey },
        token: value,
        body: payload(production.clientSideId, unique("cohort")),
      });
      expect(pushed.status, JSON.stringify(pushed.json)).toBe(integrationKey === "heap-inbound" ? 200 : 204);
      const run = await prisma.syncRun.findFirstOrThrow({
        where: { environmentId: production.id, source: integrationKey },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      });
      expect(run.status).toBe("succeeded");
      expect(run.added).toBeGreaterThan(0);
    },
  );
});
