import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { includeSetKey, synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { newStoreWorkerState, runStoreWorkerPass } from "@/lib/server/stores/run-store-worker-pass";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import {
  failureOf,
  startLaunchDarklyApi,
  type LaunchDarklyApiServer,
  type LaunchDarklyClients,
} from "@/tests/support/launchdarkly-api";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";

let server: LaunchDarklyApiServer;
let writer: LaunchDarklyClients;
let reader: LaunchDarklyClients;
let redisServer: RedisHandle;
let redis: Redis;

beforeAll(async () => {
  server = await startLaunchDarklyApi();
  redisServer = await startRedis();
  redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
  writer = server.clientsFor((await createTestToken({ role: "writer" })).value, { apiVersion: "beta" });
  reader = server.clientsFor((await createTestToken({ role: "reader" })).value);
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
  await server.close();
});

/** A project whose production store at `prefix` holds one segment's member "a", synced by the worker. */
async function projectWithSyncedStore(prefix: string) {
  const { project, production } = await createTestProject();
  const segment = await createTestSegment(production, { members: ["a"], excluded: ["b"] });
  const created = await writer.persistentStoreIntegrations.createBigSegmentStoreIntegration(
    project.key,
    "production",
    "redis",
    { name: "Cache", on: true, config: { host: "127.0.0.1", port: redisServer.port, prefix } },
  );
  await runStoreWorkerPass(newStoreWorkerState());
  expect(await redis.smembers(includeSetKey(prefix, "a"))).toEqual([`${segment.key}.g${segment.generation}`]);
  return { project, production, segment, storeId: created.data._id };
}

async function expectCleanedUp(prefix: string, storeId: string, segmentId: number) {
  expect(await prisma.segment.count({ where: { id: segmentId } })).toBe(0);
  expect(await prisma.segmentMember.count({ where: { segmentId } })).toBe(0);
  expect(await prisma.segmentExclusion.count({ where: { segmentId } })).toBe(0);
  // Retired, not deleted: the worker first removes what the store wrote (and only that), then forgets the row.
  expect(
    (await prisma.storeIntegration.findUniqueOrThrow({ where: { id: storeId } })).retiredAt,
  ).not.toBeNull();
  await runStoreWorkerPass(newStoreWorkerState());
  expect(await redis.smembers(includeSetKey(prefix, "a"))).toEqual(["someone-else.g1"]);
  expect(await redis.exists(synchronizedOnKey(prefix))).toBe(0);
  expect(await prisma.storeIntegration.count({ where: { id: storeId } })).toBe(0);
}

describe("deleting an environment through LaunchDarkly's client", () => {
  it("deletes its segments and members, retires its stores so the worker removes their refs, and audits it", async () => {
    const prefix = unique("envgone");
    const { project, production, segment, storeId } = await projectWithSyncedStore(prefix);
    await redis.sadd(includeSetKey(prefix, "a"), "someone-else.g1");

    expect((await failureOf(reader.environments.deleteEnvironment(project.key, "production"))).status).toBe(
      403,
    );
    expect((await writer.environments.deleteEnvironment(project.key, "production")).status).toBe(204);

    expect((await failureOf(writer.environments.getEnvironment(project.key, "production"))).status).toBe(404);
    expect(
      (await writer.environments.getEnvironmentsByProject(project.key)).data.items.map((e) => e.key),
    ).toEqual(["test"]);
    expect((await failureOf(writer.environments.deleteEnvironment(project.key, "production"))).status).toBe(
      404,
    );
    await expectCleanedUp(prefix, storeId, segment.id);
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { kind: "environment", target: `proj/${project.key}:env/${production.key}` },
      orderBy: { date: "desc" },
    });
    expect(audit.description).toContain(`Deleted environment production from project ${project.key}`);
  });
});

describe("deleting a project through LaunchDarkly's client", () => {
  it("deletes every environment in it as deleting each would, and audits it", async () => {
    const prefix = unique("projgone");
    const { project, segment, storeId } = await projectWithSyncedStore(prefix);
    await redis.sadd(includeSetKey(prefix, "a"), "someone-else.g1");

    expect((await failureOf(reader.projects.deleteProject(project.key))).status).toBe(403);
    expect((await writer.projects.deleteProject(project.key)).status).toBe(204);

    expect((await failureOf(writer.projects.getProject(project.key))).status).toBe(404);
    expect(await prisma.environment.count({ where: { projectId: project.id } })).toBe(0);
    expect((await failureOf(writer.projects.deleteProject(project.key))).status).toBe(404);
    await expectCleanedUp(prefix, storeId, segment.id);
    expect(
      await prisma.auditEntry.count({
        where: {
          kind: "project",
          target: `proj/${project.key}`,
          description: `Deleted project ${project.key}`,
        },
      }),
    ).toBe(1);
  });

  it("forgets the segment generations of an environment without stores, keeps them while a store's cleanup needs them", async () => {
    const { project, production, environments } = await createTestProject();
    const test = environments.find((environment) => environment.key === "test");
    if (test === undefined) throw new Error("the factory creates a test environment");
    await createTestSegment(production, { members: ["a"] });
    await createTestSegment(test, { members: ["a"] });
    await writer.persistentStoreIntegrations.createBigSegmentStoreIntegration(
      project.key,
      "production",
      "redis",
      {
        name: "Cache",
        on: false,
        config: { host: "127.0.0.1", port: redisServer.port, prefix: unique("gen") },
      },
    );
    await writer.projects.deleteProject(project.key);
    expect(await prisma.segmentGeneration.count({ where: { environmentId: test.id } })).toBe(0);
    expect(await prisma.segmentGeneration.count({ where: { environmentId: production.id } })).toBe(1);
  });

  it("lets the key be used again for a new, empty project", async () => {
    const { project, production } = await createTestProject();
    await createTestSegment(production, { members: ["a"] });
    await writer.projects.deleteProject(project.key);
    const again = await writer.projects.postProject({ key: project.key, name: "Again" });
    expect(again.status).toBe(201);
    expect(again.data.environments.map((environment) => environment.key)).toEqual(["production", "test"]);
    const segments = await writer.segments.getSegments(project.key, "production");
    expect(segments.data.items).toEqual([]);
  });
});
