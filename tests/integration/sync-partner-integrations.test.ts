import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as segmentTargetRoute from "@/app/api/v2/segment-target/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

type Example = {
  integrationKey: string;
  /** Shaped like tests/fixtures/partner-payloads/{integrationKey}.json, for the given client-side ID. */
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
    body: (environmentId) => ({
      environmentId,
      batch: [
        {
          userId: "user-1001",
          cohortId: "c8h2kq1",
          cohortName: "Power users",
          cohortUrl: "https://analytics.example.com/cohort/c8h2kq1",
          value: true,
        },
        {
          userId: "user-1002",
          cohortId: "c8h2kq1",
          cohortName: "Power users",
          cohortUrl: "https://analytics.example.com/cohort/c8h2kq1",
          value: true,
        },
        {
          userId: "user-0999",
          cohortId: "c8h2kq1",
          cohortName: "Power users",
          cohortUrl: "https://analytics.example.com/cohort/c8h2kq1",
          value: false,
        },
      ],
    }),
    segmentKey: "amplitude-c8h2kq1",
    name: "Power users",
    link: "https://analytics.example.com/cohort/c8h2kq1",
    members: ["user-1001", "user-1002"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "segment-audiences",
    body: (environmentId) => ({
      environmentId,
      contextKind: "user",
      batch: [
        { userId: "u_42", cohortId: "aud_2Nf8sQ", cohortName: "Trial ending soon", value: true },
        { userId: "u_43", cohortId: "aud_2Nf8sQ", cohortName: "Trial ending soon", value: false },
      ],
    }),
    segmentKey: "segment-audiences-aud_2Nf8sQ",
    name: "Trial ending soon",
    link: null,
    members: ["u_42"],
    counts: { received: 2, added: 1, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "census-synced-segments",
    body: (environmentId) => ({
      environment_id: environmentId,
      context_kind: "user",
      batch: [
        { user_id: "acct-77", cohort_id: "census-model-12", cohort_name: "High LTV", value: true },
        { user_id: "acct-78", cohort_id: "census-model-12", cohort_name: "High LTV", value: true },
      ],
    }),
    segmentKey: "census-synced-segments-census-model-12",
    name: "High LTV",
    link: null,
    members: ["acct-77", "acct-78"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "rudderstack",
    body: (environmentId) => ({
      environmentId,
      contextKind: "user",
      cohortId: "rs-aud-9",
      cohortName: "Churn risk",
      cohortUrl: "https://app.example.com/audiences/rs-aud-9",
      listData: { add: [{ id: "user-1" }, { id: "user-2" }], remove: [{ id: "user-3" }] },
    }),
    segmentKey: "rudderstack-rs-aud-9",
    name: "Churn risk",
    link: "https://app.example.com/audiences/rs-aud-9",
    members: ["user-1", "user-2"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "heap-inbound",
    body: (environmentId) => ({
      parameters: { environment_id: environmentId },
      heap: {
        data: {
          segment: { id: 4411, name: "Checkout abandoners" },
          add: [{ id: "visitor-a" }, { id: "visitor-b" }],
          remove: [{ id: "visitor-c" }],
        },
      },
    }),
    segmentKey: "heap-inbound-4411",
    name: "Checkout abandoners",
    link: null,
    members: ["visitor-a", "visitor-b"],
    counts: { received: 3, added: 2, removed: 0, unchanged: 1, skipped: 0 },
  },
  {
    integrationKey: "hightouch",
    body: (environmentId) => ({
      environmentId,
      cohortId: "ht-seg-301",
      cohortName: "Enterprise admins",
      contextKind: "user",
      action: "add",
      members: [{ integration_distinct_id: "admin-1" }, { integration_distinct_id: "admin-2" }],
    }),
    segmentKey: "hightouch-ht-seg-301",
    name: "Enterprise admins",
    link: null,
    members: ["admin-1", "admin-2"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "zeotap",
    body: (environmentId) => ({
      action: "add_members",
      parameters: {
        integration_project_id: environmentId,
        integration_cohort_id: "zt-771",
        integration_cohort_name: "Sports fans",
        members: [{ integration_distinct_id: "z-1" }, { integration_distinct_id: "z-2" }],
      },
    }),
    segmentKey: "zeotap-zt-771",
    name: "Sports fans",
    link: null,
    members: ["z-1", "z-2"],
    counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
  },
  {
    integrationKey: "tealium-synced-segments",
    body: (environmentId) => ({
      action: "remove_member",
      parameters: {
        tealium_project_id: environmentId,
        tealium_cohort_id: "tl-55",
        tealium_cohort_name: "Newsletter readers",
        members: [{ member_id: "t-9" }],
      },
    }),
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

    const second = await push("rudderstack", value, {
      environmentId: production.clientSideId,
      contextKind: "user",
      cohortId: "rs-aud-9",
      cohortName: "Churn risk",
      listData: { add: [{ id: "user-4" }], remove: [{ id: "user-1" }] },
    });
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
    const body = (action: string, ids: string[]) => ({
      action,
      parameters: {
        tealium_project_id: production.clientSideId,
        tealium_cohort_id: "tl-55",
        tealium_cohort_name: "Newsletter readers",
        members: ids.map((id) => ({ member_id: id })),
      },
    });
    expect((await push("tealium-synced-segments", value, body("add_member", ["t-9", "t-10"]))).status).toBe(
      204,
    );
    expect((await push("tealium-synced-segments", value, body("remove_member", ["t-9"]))).status).toBe(204);
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
