import type pg from "pg";
import { Redis } from "ioredis";
import { includeSetKey } from "@/lib/server/stores/big-segment-keys";
import { startRedis } from "@/tests/support/start-redis";
import type { keepAliveClient } from "./http-client";
import { runConcurrently, type Timing } from "./measure";
import { partnerAddBody } from "./partner-body";
import { describeLatencies, startMirrorLagProbes, waitForOutboxDrain, waitForStoresReady } from "./support";
import { startBenchSdk, startSdkProbes, type BenchSdk, type ProbeLatencies } from "./sdk-latency";

/** SDK probes during the full-speed ingest: one every 50 ms gives a few hundred over its 15-25 s and the drain. */
const BULK_SDK_PROBE_EVERY_MS = 50;

export type StoreIngestSetup = {
  db: pg.Client;
  client: ReturnType<typeof keepAliveClient>;
  post: (path: string, body: unknown) => Promise<void>;
  postText: (path: string, text: Buffer) => Promise<void>;
  /** The environment that gets the Redis store. */
  environment: { id: string; client_side_id: string };
  storeKeys: readonly string[];
  /** The members of the rudderstack-bench-rudder segment, looked up meanwhile. */
  rudderKeys: readonly string[];
  senders: number;
  serializedBatches: (count: number, body: (index: number) => unknown) => Buffer[];
  log: (message: string) => void;
};

export type StoreIngest = {
  withStore: Timing;
  duringIngest: number[];
  lags: number[];
  lost: number;
  drainMs: number;
  sample: string[];
  missing: number;
  /** SDK-visible latency of probes sent during the ingest and the drain (bench/sdk-latency.ts). */
  sdkDuringIngest: ProbeLatencies;
  /** LaunchDarkly's SDK on this store, for the sustained load that follows. */
  sdk: BenchSdk;
  /** Disconnects from Redis and stops it. */
  close: () => Promise<void>;
};

/**
 * Ingests `storeKeys` in batches of 10,000 into an environment given a Redis store: the worker mirrors while the pushes
 * come in, probes measure the push → Redis mirror lag, and one client looks keys up in the first segment.
 */
export async function ingestWithStore(setup: StoreIngestSetup): Promise<StoreIngest> {
  const { db, client, post, postText, environment, storeKeys, rudderKeys, senders, serializedBatches, log } =
    setup;
  const redisServer = await startRedis();
  const redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
  await post("/api/v2/integration-capabilities/big-segment-store/default/test/redis", {
    name: "Bench Redis",
    config: { host: "127.0.0.1", port: redisServer.port, prefix: "bench" },
  });
  await waitForStoresReady(db, environment.id);
  const sdk = await startBenchSdk({
    redisPort: redisServer.port,
    prefix: "bench",
    clientSideId: environment.client_side_id,
    post,
  });
  log(
    "ingest: amplitude, batches of 10,000, into an environment with a Redis store, with mirror-lag probes and lookups…",
  );
  const storeBodies = serializedBatches(storeKeys.length / 10_000, (index) =>
    partnerAddBody(
      "amplitude",
      environment.client_side_id,
      "bench-store",
      storeKeys.slice(index * 10_000, (index + 1) * 10_000),
    ),
  );
  const probePush = (key: string) =>
    post(
      "/api/v2/segment-targets/rudderstack",
      partnerAddBody("rudderstack", environment.client_side_id, "bench-probe", [key], "Bench probe"),
    );
  await probePush("probe-first"); // creates the probe segment (generation 1) before the clock starts
  const probes = startMirrorLagProbes({
    redis,
    prefix: "bench",
    segmentRef: "rudderstack-bench-probe.g1",
    push: probePush,
    everyMs: 250,
  });
  const sdkProbes = startSdkProbes(sdk, BULK_SDK_PROBE_EVERY_MS);
  const rudderLookupPath = (key: string) =>
    `/api/v2/segments/default/production/rudderstack-bench-rudder/contexts/${encodeURIComponent(key)}`;
  const lookupOnce = async (path: string) => {
    const { status } = await client.get(path);
    if (status !== 200) throw new Error(`lookup answered ${status}`);
  };
  let ingesting = true;
  const duringIngest: number[] = [];
  const lookupsDuringIngest = (async () => {
    for (let index = 0; ingesting; index++) {
      const key =
        index % 2 === 0 ? (rudderKeys[(index * 7919) % rudderKeys.length] ?? "") : `absent-${index}`;
      const begun = performance.now();
      await lookupOnce(rudderLookupPath(key));
      duringIngest.push(performance.now() - begun);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const withStore = await runConcurrently(storeKeys.length / 10_000, senders, (index) =>
    postText("/api/v2/segment-targets/amplitude", storeBodies[index] ?? Buffer.alloc(0)),
  );
  storeBodies.length = 0;
  ingesting = false;
  await lookupsDuringIngest;
  duringIngest.sort((a, b) => a - b);
  log("waiting for the store outbox to drain…");
  // From the end of the ingest; the last probes are still being watched meanwhile.
  const [{ lags, lost }, drainMs, sdkDuringIngest] = await Promise.all([
    probes.stop(),
    waitForOutboxDrain(db, environment.id),
    sdkProbes.stop(),
  ]);
  log(
    `  ${Math.round(storeKeys.length / withStore.seconds)} members/s; mirror lag ${describeLatencies(lags)} (${lags.length} probes); ` +
      `drained ${(drainMs / 1000).toFixed(1)} s after; SDK-visible ${describeLatencies(sdkDuringIngest.latencies)} ` +
      `(${sdkDuringIngest.latencies.length} probes); lookups meanwhile ${describeLatencies(duringIngest)}`,
  );
  const sample = storeKeys.filter((_, index) => index % 997 === 0);
  const mirrored = await Promise.all(
    sample.map((key) => redis.sismember(includeSetKey("bench", key), "amplitude-bench-store.g1")),
  );
  const missing = mirrored.filter((value) => value !== 1).length;
  return {
    withStore,
    duringIngest,
    lags,
    lost,
    drainMs,
    sample,
    missing,
    sdkDuringIngest,
    sdk,
    close: async () => {
      sdk.close();
      redis.disconnect();
      await redisServer.stop();
    },
  };
}
