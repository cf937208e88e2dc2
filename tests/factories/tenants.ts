import { prisma } from "@/lib/server/db";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { createSegment } from "@/lib/server/segments/create-segment";
import { createTestProject } from "./projects";
import { createTestSegment, type TestSegmentOptions } from "./segments";
import { createTestToken } from "./tokens";

/**
 * What most integration tests start from: a project of its own (with its environments) and an access token of `role`
 * (writer unless said), with the route params and the segments path of its production environment; `segments` are
 * created there first, in order.
 */
export async function createTestTenant(options: { role?: string; segments?: TestSegmentOptions[] } = {}) {
  const { project, production, environments } = await createTestProject();
  const segments = [];
  for (const segment of options.segments ?? []) segments.push(await createTestSegment(production, segment));
  const { value: token } = await createTestToken({ role: options.role ?? "writer" });
  return {
    project,
    production,
    environments,
    segments,
    token,
    params: { projectKey: project.key, environmentKey: production.key },
    segmentsPath: `/api/v2/segments/${project.key}/${production.key}`,
  };
}

export type TestTenant = Awaited<ReturnType<typeof createTestTenant>>;

/** The route params and path of one segment of the tenant's production environment. */
export function segmentRoute(projectKey: string, segmentKey: string) {
  return {
    params: { projectKey, environmentKey: "production", segmentKey },
    path: `/api/v2/segments/${projectKey}/production/${segmentKey}`,
  };
}

/** Keys per membership write when a tenant's segment is filled (the engine's own batch size for context changes). */
const MEMBERS_PER_PUSH = 50_000;

/**
 * A tenant with one segment (`beta` unless said) holding `members`, written through the membership engine as sync runs
 * of at most `MEMBERS_PER_PUSH` keys; `synced` makes it a partner-owned (unbounded) segment first.
 */
export async function createTestSegmentTenant(
  options: { role?: string; members?: string[]; synced?: boolean; segmentKey?: string } = {},
) {
  const segmentKey = options.segmentKey ?? "beta";
  const { project } = await createTestProject();
  const environment = await getEnvironmentOrThrow(project.key, "production");
  await createSegment(null, environment, { key: segmentKey, name: "Beta" });
  if (options.synced) {
    await prisma.segment.update({
      where: { environmentId_key: { environmentId: environment.id, key: segmentKey } },
      data: { external: "amplitude", externalCohortId: "c1", unbounded: true },
    });
  }
  const segment = await getMembershipSegmentOrThrow(project.key, "production", segmentKey);
  const members = options.members ?? [];
  const runIds: string[] = [];
  for (let start = 0; start < members.length; start += MEMBERS_PER_PUSH) {
    const outcome = await pushContextChanges({
      segment,
      principal: null,
      change: { included: { add: members.slice(start, start + MEMBERS_PER_PUSH) } },
      source: "contexts",
    });
    runIds.push(outcome.syncRunId);
  }
  const { value: token } = await createTestToken({ role: options.role ?? "writer" });
  return { project, environment, segment, runIds, token, ...segmentRoute(project.key, segmentKey) };
}

export type TestSegmentTenant = Awaited<ReturnType<typeof createTestSegmentTenant>>;
