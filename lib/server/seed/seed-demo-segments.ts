import "server-only";
import { prisma } from "@/lib/server/db";
import { INTEGRATIONS, type IntegrationKey } from "@/lib/server/sync/integrations";
import { pushSegmentTargets } from "@/lib/server/sync/push-segment-targets";

type DemoCohort = {
  id: string | number;
  name: string;
  url?: string;
  memberPrefix: string;
  size: number;
  /** Tags a person would have added in the dashboard; syncs never send tags. */
  tags: string[];
};

/** One cohort per integration, shaped like what each tool sends (LD_COMPAT §3). 20-200 members each. */
const DEMO_COHORTS: Record<IntegrationKey, DemoCohort> = {
  amplitude: {
    id: "c8h2kq1",
    name: "Power users",
    url: "https://analytics.example.com/cohort/c8h2kq1",
    memberPrefix: "user",
    size: 180,
    tags: ["engagement", "web"],
  },
  "segment-audiences": {
    id: "aud_2Nf8sQ",
    name: "Trial ending soon",
    memberPrefix: "u",
    size: 64,
    tags: ["lifecycle"],
  },
  "census-synced-segments": {
    id: "census-model-12",
    name: "High LTV",
    memberPrefix: "acct",
    size: 120,
    tags: ["revenue", "b2b"],
  },
  rudderstack: {
    id: "rs-aud-9",
    name: "Churn risk",
    url: "https://app.example.com/audiences/rs-aud-9",
    memberPrefix: "user",
    size: 90,
    tags: ["retention"],
  },
  "heap-inbound": {
    id: 4411,
    name: "Checkout abandoners",
    memberPrefix: "visitor",
    size: 45,
    tags: ["checkout", "web"],
  },
  hightouch: { id: "ht-seg-301", name: "Enterprise admins", memberPrefix: "admin", size: 24, tags: ["b2b"] },
  zeotap: { id: "zt-771", name: "Sports fans", memberPrefix: "z", size: 150, tags: ["marketing"] },
  "tealium-synced-segments": {
    id: "tl-55",
    name: "Newsletter readers",
    memberPrefix: "t",
    size: 70,
    tags: ["marketing", "email"],
  },
};

const DEMO_ORDER: readonly IntegrationKey[] = [
  "amplitude",
  "segment-audiences",
  "census-synced-segments",
  "rudderstack",
  "heap-inbound",
  "hightouch",
  "zeotap",
  "tealium-synced-segments",
];

type Batch = { add: string[]; remove: string[] };

/** The request bodies one sync of `batch` takes for each tool (mode C tools send adds and removes separately). */
function demoBodies(integrationKey: IntegrationKey, environmentId: string, cohort: DemoCohort, batch: Batch) {
  const cohortId = cohort.id;
  const cohortName = cohort.name;
  const cohortUrl = cohort.url;
  const modeA = (id: string, value: boolean) => ({ userId: id, cohortId, cohortName, value });
  const ids = (keys: string[], field: string) => keys.map((key) => ({ [field]: key }));
  const each = (build: (action: "add" | "remove", keys: string[]) => unknown): unknown[] => [
    ...(batch.add.length > 0 ? [build("add", batch.add)] : []),
    ...(batch.remove.length > 0 ? [build("remove", batch.remove)] : []),
  ];
  switch (integrationKey) {
    case "amplitude":
      return [
        {
          environmentId,
          batch: [
            ...batch.add.map((id) => ({ ...modeA(id, true), cohortUrl })),
            ...batch.remove.map((id) => ({ ...modeA(id, false), cohortUrl })),
          ],
        },
      ];
    case "segment-audiences":
      return [
        {
          environmentId,
          contextKind: "user",
          batch: [...batch.add.map((id) => modeA(id, true)), ...batch.remove.map((id) => modeA(id, false))],
        },
      ];
    case "census-synced-segments": {
      const member = (id: string, value: boolean) => ({
        user_id: id,
        cohort_id: cohortId,
        cohort_name: cohortName,
        value,
      });
      return [
        {
          environment_id: environmentId,
          context_kind: "user",
          batch: [...batch.add.map((id) => member(id, true)), ...batch.remove.map((id) => member(id, false))],
        },
      ];
    }
    case "rudderstack":
      return [
        {
          environmentId,
          contextKind: "user",
          cohortId,
          cohortName,
          cohortUrl,
          listData: { add: ids(batch.add, "id"), remove: ids(batch.remove, "id") },
        },
      ];
    case "heap-inbound":
      return [
        {
          parameters: { environment_id: environmentId },
          heap: {
            data: {
              segment: { id: cohortId, name: cohortName },
              add: ids(batch.add, "id"),
              remove: ids(batch.remove, "id"),
            },
          },
        },
      ];
    case "hightouch":
      return each((action, keys) => ({
        environmentId,
        cohortId,
        cohortName,
        contextKind: "user",
        action,
        members: ids(keys, "integration_distinct_id"),
      }));
    case "zeotap":
      return each((action, keys) => ({
        action: action === "add" ? "add_members" : "remove_members",
        parameters: {
          integration_project_id: environmentId,
          integration_cohort_id: cohortId,
          integration_cohort_name: cohortName,
          members: ids(keys, "integration_distinct_id"),
        },
      }));
    case "tealium-synced-segments":
      return each((action, keys) => ({
        action: action === "add" ? "add_member" : "remove_member",
        parameters: {
          tealium_project_id: environmentId,
          tealium_cohort_id: cohortId,
          tealium_cohort_name: cohortName,
          members: ids(keys, "member_id"),
        },
      }));
  }
}

function memberKeys(cohort: DemoCohort, from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, index) => `${cohort.memberPrefix}-${1000 + from + index}`);
}

/**
 * One synced segment per integration in the given environment, pushed through the real partner engine as the tool would
 * push it: a first sync of most members, then a second that adds the rest and drops a few, so each has a history.
 */
export async function seedDemoSegments(projectKey: string, environmentKey: string): Promise<void> {
  const environment = await prisma.environment.findFirstOrThrow({
    where: { key: environmentKey, project: { key: projectKey } },
    select: { id: true, clientSideId: true },
  });
  for (const [integrationKey, cohort] of DEMO_ORDER.map((key) => [key, DEMO_COHORTS[key]] as const)) {
    const definition = INTEGRATIONS[integrationKey];
    const first = Math.ceil(cohort.size * 0.85);
    const dropped = Math.max(1, Math.floor(cohort.size * 0.05));
    const syncs: Batch[] = [
      { add: memberKeys(cohort, 0, first), remove: [] },
      { add: memberKeys(cohort, first, cohort.size + dropped), remove: memberKeys(cohort, 0, dropped) },
    ];
    for (const batch of syncs) {
      for (const body of demoBodies(integrationKey, environment.clientSideId, cohort, batch)) {
        await pushSegmentTargets({ definition, body, principal: null });
      }
    }
    await prisma.segment.updateMany({
      where: { environmentId: environment.id, external: integrationKey, externalCohortId: String(cohort.id) },
      data: { tags: cohort.tags },
    });
  }
}
