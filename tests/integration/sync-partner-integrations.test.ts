import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as segmentTargetRoute from "@/app/api/v2/segment-target/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { partnerFixtureFor } from "@/tests/support/partner-payloads";

type Example = {
  integrationKey: string;
  /** tests/fixtures/partner-payloads/{integrationKey}.json, for the given client-side ID. */
  body: (environmentId: string) => unknown;
  segmentKey: string;
  name: string;
  link: string | null;
  members: string[];
  counts: { received: number; added: number; removed: number; unchanged: number; skipped: number };
};

const examples: Example[] = [
  {
    integrationKey: "amplitude",
    body: (environmentId) => partnerFixtureFor("amplitude", environmentId),
    segmentKey: "amplitude-c8h2kq1",
    name: "Power users",
    link: "https://analytics.example.com/cohort/c8h2kq1",
    members: ["user-1001", "user-1002"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "segment-audiences",
    body: (environmentId) => partnerFixtureFor("segment-audiences", environmentId),
    segmentKey: "segment-audiences-aud_2Nf8sQ",
    name: "Trial ending soon",
    link: null,
    members: ["u_42"],
    counts: { received: 2, added: 1, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "census-synced-segments",
    body: (environmentId) => partnerFixtureFor("census-synced-segments", environmentId),
    segmentKey: "census-synced-segments-census-model-12",
    name: "High LTV",
    link: null,
    members: ["acct-77", "acct-78"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "rudderstack",
    body: (environmentId) => partnerFixtureFor("rudderstack", environmentId),
    segmentKey: "rudderstack-rs-aud-9",
    name: "Churn risk",
    link: "https://app.example.com/audiences/rs-aud-9",
    members: ["user-1", "user-2"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "heap-inbound",
    body: (environmentId) => partnerFixtureFor("heap-inbound", environmentId),
    segmentKey: "heap-inbound-4411",
    name: "Checkout abandoners",
    link: null,
    members: ["visitor-a", "visitor-b"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "hightouch",
    body: (environmentId) => partnerFixtureFor("hightouch", environmentId),
    segmentKey: "hightouch-ht-seg-301",
    name: "Enterprise admins",
    link: null,
    members: ["admin-1", "admin-2"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "zeotap",
    body: (environmentId) => partnerFixtureFor("zeotap", environmentId),
    segmentKey: "zeotap-zt-771",
    name: "Sports fans",
    link: null,
    members: ["z-1", "z-2"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "tealium-synced-segments",
    body: (environmentId) => partnerFixtureFor("tealium-synced-segments", environmentId),
    segmentKey: "tealium-synced-segments-tl-55",
    name: "Newsletter readers",
    link: null,
    members: [],
    counts: { received: 1, added: 0, removed: 0, unchanged: 1, skipped: 0 },
  },
];

function push(integrationKey: string, token: string, body: unknown, route = segmentTargetsRoute.POST) {
  return callRoute(route, {
    path: `/api/v2/segment-targets/${integrationKey}`,
    params: { integrationKey },
    token,
    body,
  });
}

async function memberKeys(segmentId: number): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, orderBy: { contextKey: "asc" } });
  return rows.map((row) => row.contextKey);
}

describe("POST /api/v2/segment-targets/{integrationKey}: each integration's example payload", () => {
  it.each(examples.map((example) => [example.integrationKey, example] as const))(
    "%s creates its segment with members, counters, a sync run and an audit entry",
    async (integrationKey, example) => {
      const { project, production } = await createTestProject();
      const { value, token } = await createTestToken({ role: "writer" });

      const response = await push(integrationKey, value, example.body(production.clientSideId));

      if (integrationKey === "heap-inbound") {
        expect(response.status).toBe(200);
        expect(response.json).toEqual({
          projectId: project.key,
          environmentId: "production",
          segmentId: example.segmentKey,
          segmentUrl: expect.stringMatching(
            new RegExp(`/${project.key}/production/segments/${example.segmentKey}$`),
          ),
          status: "success",
        });
      } else {
        expect(response.status).toBe(204);
        expect(response.json).toBeNull();
      }

      const segment = await prisma.segment.findUniqueOrThrow({
        where: { environmentId_key: { environmentId: production.id, key: example.segmentKey } },
      });
      expect(segment).toMatchObject({
        name: example.name,
        unbounded: true,
        unboundedContextKind: "user",
        external: integrationKey,
        externalLink: example.link,
        generation: 1,
        version: 1,
        description: null,
        includedCount: example.members.length,
        excludedCount: 0,
        lastSyncStatus: "succeeded",
      });
      expect(segment.lastSyncAt).toBeInstanceOf(Date);
      expect(await memberKeys(segment.id)).toEqual(example.members);

      const runs = await prisma.syncRun.findMany({
        where: { environmentId: production.id },
        include: { segments: true },
      });
      expect(runs).toHaveLength(1);
      const [run] = runs;
      expect(run).toMatchObject({
        source: integrationKey,
        status: "succeeded",
        tokenId: token.id,
        tokenName: token.name,
        tokenEnding: token.ending,
        memberEmail: null,
        segmentKeys: [example.segmentKey],
        ...example.counts,
        skippedMembers: [],
        skippedTruncated: false,
        includedCountAfter: example.members.length,
        errorCode: null,
      });
      expect(run?.segments).toEqual([
        expect.objectContaining({
          segmentId: segment.id,
          added: example.counts.added,
          removed: example.counts.removed,
          unchanged: example.counts.unchanged,
          includedCountAfter: example.members.length,
        }),
      ]);
      const members = await prisma.segmentMember.findMany({ where: { segmentId: segment.id } });
      for (const member of members) expect(member.syncRunId).toBe(run?.id);

      const audit = await prisma.auditEntry.findMany({
        where: { target: `proj/${project.key}:env/production:segment/${example.segmentKey}` },
      });
      expect(audit).toHaveLength(1);
      // Written by the run's last statement together with the counters: every column as recordAuditEntry writes it.
      expect(audit[0]).toMatchObject({
        kind: "sync",
        name: example.name,
        accesses: [
          {
            action: "createSegment",
            resource: `proj/${project.key}:env/production:segment/${example.segmentKey}`,
          },
        ],
        tokenId: token.id,
        tokenName: token.name,
        tokenEnding: token.ending,
        previousVersion: null,
        currentVersion: {
          syncRunId: run?.id,
          source: integrationKey,
          status: "succeeded",
          segments: [example.segmentKey],
          counts: { received: example.counts.received, added: example.counts.added, skipped: 0 },
        },
      });
      expect(audit[0]?.description).toContain(`${example.counts.added} added`);
      expect(audit[0]?.description).toContain(`created segment ${example.segmentKey}`);
    },
  );

  it("removes members a later push removes (rudderstack) and keeps the counter in step", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ role: "writer" });
    const rudderstack = examples.find((example) => example.integrationKey === "rudderstack");
    if (!rudderstack) throw new Error("missing example");
    expect((await push("rudderstack", value, rudderstack.body(production.clientSideId))).status).toBe(204);

    const [secondBody] = buildPartnerPayloads(
      INTEGRATIONS.rudderstack,
      { environmentId: production.clientSideId, cohortId: "rs-aud-9", cohortName: "Churn risk" },
      { add: ["user-4"], remove: ["user-1"] },
    );
    const second = await push("rudderstack", value, secondBody);
    expect(second.status).toBe(204);
    const segment = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: production.id, key: "rudderstack-rs-aud-9" } },
    });
    expect(await memberKeys(segment.id)).toEqual(["user-2", "user-4"]);
    expect(segment.includedCount).toBe(2);
    const latest = await prisma.syncRun.findFirstOrThrow({
      where: { environmentId: production.id },
      orderBy: { startedAt: "desc" },
    });
    expect(latest).toMatchObject({ received: 2, added: 1, removed: 1, unchanged: 0, includedCountAfter: 2 });
  });

  it("adds and then removes a Tealium member with exactly add_member / remove_member", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ role: "writer" });
    const cohort = {
      environmentId: production.clientSideId,
      cohortId: "tl-55",
      cohortName: "Newsletter readers",
    };
    const [add] = buildPartnerPayloads(INTEGRATIONS["tealium-synced-segments"], cohort, {
      add: ["t-9", "t-10"],
    });
    const [remove] = buildPartnerPayloads(INTEGRATIONS["tealium-synced-segments"], cohort, {
      add: [],
      remove: ["t-9"],
    });
    expect(add).toMatchObject({ action: "add_member" });
    expect(remove).toMatchObject({ action: "remove_member" });
    expect((await push("tealium-synced-segments", value, add)).status).toBe(204);
    expect((await push("tealium-synced-segments", value, remove)).status).toBe(204);
    const segment = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: production.id, key: "tealium-synced-segments-tl-55" } },
    });
    expect(await memberKeys(segment.id)).toEqual(["t-10"]);
    expect(segment.includedCount).toBe(1);
  });

  it("accepts the singular /segment-target path", async () => {
    const { production } = await createTestProject();
    const { value } = await createTestToken({ role: "writer" });
    const zeotap = examples.find((example) => example.integrationKey === "zeotap");
    if (!zeotap) throw new Error("missing example");
    const response = await push(
      "zeotap",
      value,
      zeotap.body(production.clientSideId),
      segmentTargetRoute.POST,
    );
    expect(response.status).toBe(204);
    expect(
      await prisma.segment.count({ where: { environmentId: production.id, key: "zeotap-zt-771" } }),
    ).toBe(1);
  });
});
