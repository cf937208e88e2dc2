import { Redis } from "ioredis";
import { expect } from "vitest";
import * as storeItemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import type { StoreStatus } from "@/lib/schemas/store-integration";
import { prisma } from "@/lib/server/db";
import { includeSetKey, synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { STORE_WORKER_ACTOR } from "@/lib/server/stores/record-store-drift";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";

/**
 * A project with a Redis store on `port` (its own prefix), a writer token, one synced segment pushed through the
 * RudderStack integration, and a direct Redis client that changes the store behind the app's back.
 */
export async function createDriftStore(port: number) {
  const { project, production } = await createTestProject();
  const { value: token } = await createTestToken({ role: "writer" });
  const prefix = unique("drift");
  const location = { projectKey: project.key, environmentKey: "production", integrationKey: "redis" };
  const base = `/api/v2/integration-capabilities/big-segment-store/${project.key}/production/redis`;
  const created = await callRoute(storeRoute.POST, {
    path: base,
    params: location,
    token,
    body: { name: unique("Drift Redis"), config: { host: "127.0.0.1", port, prefix } },
  });
  expect(created.status).toBe(201);
  const id = (created.json as { _id: string })._id;
  const cohortId = unique("cohort");
  const segmentKey = `rudderstack-${cohortId}`;
  const direct = new Redis({ host: "127.0.0.1", port });

  const push = async (add: string[], remove: string[] = []) => {
    const response = await callRoute(partnerRoute.POST, {
      path: "/api/v2/segment-targets/rudderstack",
      params: { integrationKey: "rudderstack" },
      token,
      body: buildPartnerPayloads(
        INTEGRATIONS.rudderstack,
        { environmentId: production.clientSideId, cohortId, cohortName: "Drift" },
        { add, remove },
      )[0],
    });
    expect(response.status).toBe(204);
  };
  const ref = async () => {
    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: production.id, key: segmentKey },
    });
    return `${segment.key}.g${segment.generation}`;
  };
  /** Whether the store lists `key` as a member, as an SDK would read it. */
  const inStore = async (key: string) =>
    (await direct.sismember(includeSetKey(prefix, key), await ref())) === 1;
  const marker = async () => direct.get(synchronizedOnKey(prefix));
  const status = async (): Promise<StoreStatus> => {
    const response = await callRoute(storeItemRoute.GET, {
      method: "GET",
      path: `${base}/${id}`,
      params: { ...location, integrationId: id },
      token,
    });
    expect(response.status).toBe(200);
    return (response.json as { _status: StoreStatus })._status;
  };
  const row = () => prisma.storeIntegration.findUniqueOrThrow({ where: { id } });
  /** The worker's audit entries for this store, oldest first. */
  const workerAudit = async () =>
    (
      await prisma.auditEntry.findMany({
        where: { target: { endsWith: `integration/${id}` }, memberEmail: STORE_WORKER_ACTOR },
        orderBy: { date: "asc" },
      })
    ).map((entry) => entry.description);
  return { id, prefix, production, segmentKey, direct, push, ref, inStore, marker, status, row, workerAudit };
}
