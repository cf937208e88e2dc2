import { expect } from "vitest";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { SEMANTIC_PATCH_MEDIA_TYPE } from "@/lib/schemas/segment";
import { prisma } from "@/lib/server/db";
import { createTestTenant, type TestTenant } from "@/tests/factories/tenants";
import { callRoute } from "@/tests/support/call-route";

/** Calls of the segments API on a tenant's production environment (tests/factories/tenants.ts), as its writer. */

/** Where the segments of `t` are listed and created; another environment's tenant differs only here. */
type SegmentsAt = Pick<TestTenant, "params" | "segmentsPath" | "token">;

export function createSegmentRequest(t: SegmentsAt, body: unknown, token: string | null = t.token) {
  return callRoute(segmentsRoute.POST, { path: t.segmentsPath, params: t.params, token, body });
}

export async function createSegmentOk(t: SegmentsAt, body: Record<string, unknown>) {
  const response = await createSegmentRequest(t, body);
  expect(response.status).toBe(201);
  return response;
}

export function listSegments(t: SegmentsAt, query = "", token: string | null = t.token) {
  return callRoute(segmentsRoute.GET, { path: `${t.segmentsPath}${query}`, params: t.params, token });
}

function at(t: SegmentsAt, segmentKey: string) {
  return { path: `${t.segmentsPath}/${segmentKey}`, params: { ...t.params, segmentKey } };
}

export function getSegment(t: SegmentsAt, segmentKey: string, token: string | null = t.token) {
  return callRoute(segmentRoute.GET, { ...at(t, segmentKey), token });
}

export function patchSegment(
  t: SegmentsAt,
  segmentKey: string,
  body: unknown,
  options: { token?: string | null; semantic?: boolean } = {},
) {
  return callRoute(segmentRoute.PATCH, {
    ...at(t, segmentKey),
    method: "PATCH",
    token: options.token === undefined ? t.token : options.token,
    body,
    headers: options.semantic ? { "content-type": SEMANTIC_PATCH_MEDIA_TYPE } : undefined,
  });
}

export function deleteSegment(t: SegmentsAt, segmentKey: string, token: string | null = t.token) {
  return callRoute(segmentRoute.DELETE, { ...at(t, segmentKey), method: "DELETE", token });
}

/** A tenant whose production environment holds segment `seg` ("Original", tags a and b), for the PATCH tests. */
export async function createTenantWithSegment() {
  const t = await createTestTenant();
  await createSegmentOk(t, { key: "seg", name: "Original", description: "First", tags: ["a", "b"] });
  return t;
}

/** Everything a segment request could write in the tenant's environment, to assert that a refused request wrote nothing. */
export async function segmentsSnapshot(t: TestTenant) {
  const segments = await prisma.segment.findMany({
    where: { environmentId: t.production.id },
    orderBy: { key: "asc" },
  });
  const ids = segments.map((segment) => segment.id);
  return {
    segments,
    generations: await prisma.segmentGeneration.findMany({
      where: { environmentId: t.production.id },
      orderBy: { key: "asc" },
    }),
    members: await prisma.segmentMember.count({ where: { segmentId: { in: ids } } }),
    exclusions: await prisma.segmentExclusion.count({ where: { segmentId: { in: ids } } }),
    audit: await prisma.auditEntry.count({ where: { target: { startsWith: `proj/${t.project.key}:` } } }),
  };
}

export async function expectNothingWritten(
  t: TestTenant,
  before: Awaited<ReturnType<typeof segmentsSnapshot>>,
) {
  expect(await segmentsSnapshot(t)).toEqual(before);
}

/** Writes members and exclusions straight into the table, with the counts the segment row keeps. */
export async function addMembers(
  segmentKey: string,
  t: TestTenant,
  included: string[],
  excluded: string[] = [],
) {
  const segment = await prisma.segment.findUniqueOrThrow({
    where: { environmentId_key: { environmentId: t.production.id, key: segmentKey } },
  });
  await prisma.segmentMember.createMany({
    data: included.map((contextKey) => ({ segmentId: segment.id, contextKey })),
  });
  await prisma.segmentExclusion.createMany({
    data: excluded.map((contextKey) => ({ segmentId: segment.id, contextKey })),
  });
  await prisma.segment.update({
    where: { id: segment.id },
    data: { includedCount: included.length, excludedCount: excluded.length },
  });
  return segment;
}

export function keysOf(response: { json: unknown }): string[] {
  const { items } = response.json as { items: { key: string }[] };
  return items.map((item) => item.key);
}
