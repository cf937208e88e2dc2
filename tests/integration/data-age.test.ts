import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as storeListRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as storeItemRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import { prisma } from "@/lib/server/db";
import { synchronizedOnKey } from "@/lib/server/stores/big-segment-keys";
import { startStoreWorker } from "@/lib/server/stores/start-store-worker";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { amplitude, push } from "@/tests/support/partner-pushes";
import { createSegmentOk, getSegment, listSegments } from "@/tests/support/segments-api";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { waitFor, waitForClockPast } from "@/tests/support/wait-for";

type DataAge = { lastSuccessfulSyncAt: number | null; ageMs: number | null };
type StoreJson = { _id: string; _dataAge: { markerWrittenAt: number | null; markerAgeMs: number | null } };

const HOUR_MS = 3_600_000;

describe("segment data age", () => {
  it("is the time since the last sync that applied, unchanged by a refused push, and null before any", async () => {
    const t = await createTestTenant();
    const pushed = await push(
      "amplitude",
      t.token,
      amplitude(t.production.clientSideId, [{ userId: "u1", value: true }]),
    );
    expect(pushed.status).toBe(204);
    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: t.production.id, external: "amplitude" },
    });
    const synced = await getSegment(t, segment.key);
    const age = (synced.json as { _dataAge: DataAge; _lastSync: { at: number } })._dataAge;
    expect(age.lastSuccessfulSyncAt).toBe(segment.lastSyncAt?.getTime());
    expect(age.ageMs).toBeGreaterThanOrEqual(0);
    expect(age.ageMs).toBeLessThan(60_000);

    // A reader's push is refused (403) and recorded as a failed run: the data is as old as before.
    await waitForClockPast(segment.lastSyncAt);
    const reader = (await createTestToken({ role: "reader" })).value;
    const refused = await push(
      "amplitude",
      reader,
      amplitude(t.production.clientSideId, [{ userId: "u2", value: true }]),
    );
    expect(refused.status).toBe(403);
    const after = await getSegment(t, segment.key);
    expect((after.json as { _dataAge: DataAge })._dataAge.lastSuccessfulSyncAt).toBe(
      age.lastSuccessfulSyncAt,
    );

    // Computed by the server's clock when it answers, in the list too.
    await prisma.segment.update({
      where: { id: segment.id },
      data: { lastSyncAt: new Date(Date.now() - 3 * HOUR_MS) },
    });
    const listed = await listSegments(t);
    const item = (listed.json as { items: { key: string; _dataAge: DataAge }[] }).items.find(
      (candidate) => candidate.key === segment.key,
    );
    expect(item?._dataAge.ageMs).toBeGreaterThanOrEqual(3 * HOUR_MS);
    expect(item?._dataAge.ageMs).toBeLessThan(3 * HOUR_MS + 60_000);

    await createSegmentOk(t, { key: "by-hand", name: "By hand" });
    const byHand = await getSegment(t, "by-hand");
    expect((byHand.json as { _dataAge: DataAge })._dataAge).toEqual({
      lastSuccessfulSyncAt: null,
      ageMs: null,
    });
  });
});

describe("store data age", () => {
  let redis: RedisHandle;
  let stopWorker: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);

  afterAll(async () => {
    await stopWorker?.();
    await redis.stop();
  });

  it("is the age of the synchronized_on marker the worker wrote, null before it wrote one", async () => {
    const t = await createTestTenant();
    const prefix = unique("age");
    const params = { ...t.params, integrationKey: "redis" };
    const listPath = `/api/v2/integration-capabilities/big-segment-store/${t.project.key}/production/redis`;
    const created = await callRoute(storeListRoute.POST, {
      path: listPath,
      params,
      token: t.token,
      body: { name: "Aged", config: { host: "127.0.0.1", port: redis.port, prefix } },
    });
    expect(created.status).toBe(201);
    const store = created.json as StoreJson;
    expect(store._dataAge).toEqual({ markerWrittenAt: null, markerAgeMs: null });

    const itemParams = { ...params, integrationId: store._id };
    const get = async () =>
      (
        await callRoute(storeItemRoute.GET, {
          path: `${listPath}/${store._id}`,
          params: itemParams,
          token: t.token,
        })
      ).json as StoreJson;
    stopWorker = startStoreWorker();
    await waitFor(async () => (await get())._dataAge.markerWrittenAt !== null, {
      timeoutMs: 20_000,
      what: "the store's first marker",
    });
    await stopWorker();
    stopWorker = null;

    const client = new Redis({ host: "127.0.0.1", port: redis.port });
    const marker = Number(await client.get(synchronizedOnKey(prefix)));
    client.disconnect();
    const answer = await get();
    // Written in the same step, the marker by the worker's clock and the column by PostgreSQL's: the same machine here.
    expect(Math.abs((answer._dataAge.markerWrittenAt ?? 0) - marker)).toBeLessThan(1_000);
    expect(answer._dataAge.markerAgeMs).toBeGreaterThanOrEqual(0);
    expect(answer._dataAge.markerAgeMs).toBeLessThan(60_000);
  });
});
