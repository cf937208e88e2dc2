import { createHash } from "node:crypto";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { callRoute } from "@/tests/support/call-route";

// Shared by the tests/integration/sync-partner-*.test.ts files: pushes, partner bodies, and what a push wrote.

export type Member = { userId?: unknown; value: boolean; cohortId?: string; cohortName?: string };

export function push(integrationKey: string, token: string, body: unknown) {
  return callRoute(segmentTargetsRoute.POST, {
    path: `/api/v2/segment-targets/${integrationKey}`,
    params: { integrationKey },
    token,
    body,
  });
}

/** An Amplitude body (mode A): one cohort unless a member names its own. */
export function amplitude(environmentId: string, members: Member[], cohort: Record<string, unknown> = {}) {
  return {
    environmentId,
    batch: members.map((member) => ({
      cohortId: "c1",
      cohortName: "Cohort one",
      ...cohort,
      ...member,
    })),
  };
}

/** A Census body adding `ids` to cohort model-1 as contexts of `kind`. */
export function census(environmentId: string, kind: string, ids: string[]) {
  const cohort = { environmentId, cohortId: "model-1", cohortName: "Model", contextKind: kind };
  return buildPartnerPayload(INTEGRATIONS["census-synced-segments"], cohort, ids);
}

export async function segmentOf(environmentId: string, key: string) {
  return prisma.segment.findUniqueOrThrow({ where: { environmentId_key: { environmentId, key } } });
}

export async function memberKeys(segmentId: number): Promise<string[]> {
  const rows = await prisma.segmentMember.findMany({ where: { segmentId }, orderBy: { contextKey: "asc" } });
  return rows.map((row) => row.contextKey);
}

export async function latestRun(environmentId: string) {
  return prisma.syncRun.findFirstOrThrow({
    where: { environmentId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
  });
}

/** Everything a push may write, to compare before and after a refused or repeated push. */
export async function snapshot(environmentId: string) {
  const segments = await prisma.segment.findMany({ where: { environmentId }, orderBy: { id: "asc" } });
  const members = await prisma.segmentMember.findMany({
    where: { segmentId: { in: segments.map((segment) => segment.id) } },
    orderBy: [{ segmentId: "asc" }, { contextKey: "asc" }],
  });
  return { segments, members };
}

export const sha8 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
