import { createHash } from "node:crypto";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { prisma } from "@/lib/server/db";
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

export function census(environmentId: string, kind: string, ids: string[]) {
  return {
    environment_id: environmentId,
    context_kind: kind,
    batch: ids.map((id) => ({ user_id: id, cohort_id: "model-1", cohort_name: "Model", value: true })),
  };
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
