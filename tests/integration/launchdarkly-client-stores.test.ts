import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { unique } from "@/tests/factories/unique";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP. Its persistent
// store operations are beta: its users send `LD-API-Version: beta`, as LaunchDarkly asks.
const api = useLaunchDarklyClient("writer", { apiVersion: "beta" });
const models = launchDarklyModels();

describe("PersistentStoreIntegrationsBetaApi through LaunchDarkly's client", () => {
  it("creates, reads, lists, patches and deletes a Redis store, each answer fitting the client's models", async () => {
    const { project } = await createTestProject();
    const stores = api.client.persistentStoreIntegrations;
    const created = await stores.createBigSegmentStoreIntegration(project.key, "production", "redis", {
      name: "Cache",
      on: true,
      config: { host: "127.0.0.1", port: 1, prefix: unique("ld") },
    });
    expect(created.status).toBe(201);
    expect(models.check("BigSegmentStoreIntegration", created.data)).toEqual([]);
    const id = created.data._id;
    expect(created.data._links.self.href).toBe(
      `/api/v2/integration-capabilities/big-segment-store/${project.key}/production/redis/${id}`,
    );
    expect(created.data._links.environment.href).toBe(
      `/api/v2/projects/${project.key}/environments/production`,
    );

    const read = await stores.getBigSegmentStoreIntegration(project.key, "production", "redis", id);
    expect(models.check("BigSegmentStoreIntegration", read.data)).toEqual([]);
    expect(read.data).toMatchObject({
      _id: id,
      name: "Cache",
      projectKey: project.key,
      environmentKey: "production",
    });

    const listed = await stores.getBigSegmentStoreIntegrations();
    expect(models.check("BigSegmentStoreIntegrationCollection", listed.data)).toEqual([]);
    expect(listed.data.items.map((store) => store._id)).toContain(id);

    const patched = await stores.patchBigSegmentStoreIntegration(project.key, "production", "redis", id, [
      { op: "replace", path: "/name", value: "Renamed cache" },
    ]);
    expect(models.check("BigSegmentStoreIntegration", patched.data)).toEqual([]);
    expect(patched.data.name).toBe("Renamed cache");

    expect(
      (await stores.deleteBigSegmentStoreIntegration(project.key, "production", "redis", id)).status,
    ).toBe(204);
    expect(
      (await failureOf(stores.getBigSegmentStoreIntegration(project.key, "production", "redis", id))).status,
    ).toBe(404);
  });

  it("reports a failing store's lastError as epoch milliseconds, its message beside it", async () => {
    const { project } = await createTestProject();
    const created = await api.client.persistentStoreIntegrations.createBigSegmentStoreIntegration(
      project.key,
      "production",
      "redis",
      { name: "Failing", config: { host: "127.0.0.1", port: 1, prefix: unique("ld") } },
    );
    const failedAt = new Date(Date.now() - 1000);
    await prisma.storeIntegration.update({
      where: { id: created.data._id },
      data: { lastErrorAt: failedAt, lastError: "connection refused" },
    });
    const read = await api.client.persistentStoreIntegrations.getBigSegmentStoreIntegration(
      project.key,
      "production",
      "redis",
      created.data._id,
    );
    expect(models.check("BigSegmentStoreIntegration", read.data)).toEqual([]);
    expect(read.data._status).toMatchObject({
      available: false,
      lastError: failedAt.getTime(),
      errors: [{ message: "connection refused", timestamp: failedAt.getTime() }],
    });
    expect(read.data._status).not.toHaveProperty("lastSync");
  });
});
