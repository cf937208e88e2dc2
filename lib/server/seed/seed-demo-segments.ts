import "server-only";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
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

/** One cohort per integration, sent in each tool's own shape (lib/server/sync/build-partner-payloads.ts). 20-200 members each. */
const DEMO_COHORTS: Partial<Record<IntegrationKey, DemoCohort>> = {
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

type Batch = { add: string[]; remove: string[] };

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
  for (const integrationKey of Object.keys(INTEGRATIONS) as IntegrationKey[]) {
    const definition = INTEGRATIONS[integrationKey];
    // A new integration is seeded too, with a plain cohort until it gets one of its own above.
    const cohort = DEMO_COHORTS[integrationKey] ?? {
      id: `${integrationKey}-demo`,
      name: `${definition.name} demo`,
      memberPrefix: "user",
      size: 50,
      tags: [],
    };
    const first = Math.ceil(cohort.size * 0.85);
    const dropped = Math.max(1, Math.floor(cohort.size * 0.05));
    const syncs: Batch[] = [
      { add: memberKeys(cohort, 0, first), remove: [] },
      { add: memberKeys(cohort, first, cohort.size + dropped), remove: memberKeys(cohort, 0, dropped) },
    ];
    for (const batch of syncs) {
      const bodies = buildPartnerPayloads(
        definition,
        {
          environmentId: environment.clientSideId,
          cohortId: cohort.id,
          cohortName: cohort.name,
          cohortUrl: cohort.url,
        },
        batch,
      );
      for (const body of bodies) {
        await pushSegmentTargets({ definition, body, principal: null });
      }
    }
    await prisma.segment.updateMany({
      where: { environmentId: environment.id, external: integrationKey, externalCohortId: String(cohort.id) },
      data: { tags: cohort.tags },
    });
  }
}
