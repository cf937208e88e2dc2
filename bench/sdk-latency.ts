/**
 * SDK-visible latency: how long after a push's 204 LaunchDarkly's own Node.js SDK, reading the bench's Redis store through
 * its Redis big-segment store, evaluates a pushed context into a flag that targets the synced segment. This is what a
 * customer's application sees: the mirror's lag plus the SDK's own reads.
 */
import { randomBytes } from "node:crypto";
import { init, integrations, type LDClient } from "@launchdarkly/node-server-sdk";
import { RedisBigSegmentStore } from "@launchdarkly/node-server-sdk-redis";
import { partnerAddBody } from "./partner-body";
import { randomKeys } from "./keys";
import { describeLatencies } from "./support";

/** The SDK's membership cache time (seconds, as the SDK takes it): short, as the README recommends. */
export const SDK_USER_CACHE_TIME_S = 0.1;
/** How often the SDK reads the store's synchronized_on marker (seconds). */
export const SDK_STATUS_POLL_INTERVAL_S = 1;
/**
 * Each probe pushes this many context keys, and the poller evaluates them in turn, POLL_EVERY_MS apart: a key is read
 * again only after KEYS_PER_PROBE × POLL_EVERY_MS (160 ms), longer than the cache time. The SDK renews a cached answer's
 * age on every read, so polling one key faster than its cache time would keep reading its first answer (not a member)
 * for ever; every read here misses the cache and asks Redis.
 */
const KEYS_PER_PROBE = 16;
const POLL_EVERY_MS = 10;
const PROBE_TIMEOUT_MS = 120_000;
const FLAG_KEY = "bench-in-sdk-probe-cohort";
const PARTNER_PATH = "/api/v2/segment-targets/rudderstack";

/** The sustained load: a partner sending this many members per second, in batches of SUSTAINED_BATCH, for SUSTAINED_SECONDS. */
export const SUSTAINED_MEMBERS_PER_SECOND = 20_000;
const SUSTAINED_BATCH = 1_000;
const SUSTAINED_SECONDS = 30;
/** A probe every 100 ms: 300 probes in the sustained load. */
const SUSTAINED_PROBE_EVERY_MS = 100;
/** Batches in flight at most; beyond it the sender waits, and the achieved rate falls below the target rate. */
const MAX_BATCHES_IN_FLIGHT = 32;

/**
 * A keep-alive socket the server closed during a pause can fail a request twice in a row (the client already sends once
 * more); a third try on a fresh socket tells that apart from a server that is down.
 */
function onceMoreOnReset(send: () => Promise<void>): Promise<void> {
  return send().catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ECONNRESET" || code === "EPIPE") return send();
    throw error;
  });
}

export type ProbeLatencies = { latencies: number[]; lost: number };

export type BenchSdk = {
  client: LDClient;
  /** Pushes the keys (resolving on the 204) to the probe segment the flag targets. */
  push: (keys: string[]) => Promise<void>;
  close: () => void;
};

/**
 * Creates the probe segment (generation 1) with a first push, then starts LaunchDarkly's Node.js SDK with a flag whose
 * rule matches that segment, reading memberships from Redis through the SDK's own Redis big-segment store.
 */
export async function startBenchSdk(options: {
  redisPort: number;
  prefix: string;
  clientSideId: string;
  post: (path: string, body: unknown) => Promise<void>;
}): Promise<BenchSdk> {
  const cohortId = "bench-sdk-probe";
  const segmentKey = `rudderstack-${cohortId}`;
  const push = (keys: string[]) =>
    onceMoreOnReset(() =>
      options.post(
        PARTNER_PATH,
        partnerAddBody("rudderstack", options.clientSideId, cohortId, keys, "Bench SDK probe"),
      ),
    );
  await push(["sdk-probe-first"]);
  const testData = new integrations.TestData();
  await testData.usePreconfiguredSegment({
    key: segmentKey,
    version: 1,
    unbounded: true,
    unboundedContextKind: "user",
    generation: 1,
    included: [],
    excluded: [],
    rules: [],
  });
  await testData.usePreconfiguredFlag({
    key: FLAG_KEY,
    version: 1,
    on: true,
    variations: [true, false],
    offVariation: 1,
    fallthrough: { variation: 1 },
    rules: [
      {
        id: "in-cohort",
        clauses: [{ attribute: "key", op: "segmentMatch", values: [segmentKey] }],
        variation: 0,
      },
    ],
    targets: [],
    prerequisites: [],
    salt: "bench",
  });
  const client = init("bench-sdk-key", {
    updateProcessor: testData.getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    bigSegments: {
      store: RedisBigSegmentStore({
        prefix: options.prefix,
        redisOpts: { host: "127.0.0.1", port: options.redisPort },
      }),
      userCacheTime: SDK_USER_CACHE_TIME_S,
      statusPollInterval: SDK_STATUS_POLL_INTERVAL_S,
    },
  });
  await client.waitForInitialization({ timeout: 10 });
  return { client, push, close: () => client.close() };
}

/**
 * Every `everyMs`, pushes KEYS_PER_PROBE new keys (fresh ones per probe, so no cached answer exists for them) and times
 * from the 204 until the SDK evaluates one of them true.
 */
export function startSdkProbes(sdk: BenchSdk, everyMs: number): { stop: () => Promise<ProbeLatencies> } {
  type Probe = { keys: string[]; answeredAt: number; turn: number };
  const pending = new Set<Probe>();
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const inFlight = new Set<Promise<void>>();
  let lost = 0;
  let sending = true;
  const sender = (async () => {
    for (let index = 0; sending; index++) {
      const id = `sdk-probe-${index}-${randomBytes(4).toString("hex")}`;
      const keys = Array.from({ length: KEYS_PER_PROBE }, (_, variant) => `${id}-${variant}`);
      const pushed: Promise<void> = sdk
        .push(keys)
        .then(() => void pending.add({ keys, answeredAt: performance.now(), turn: 0 }))
        .catch((error: unknown) => void failures.push(error))
        .finally(() => inFlight.delete(pushed));
      inFlight.add(pushed);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  const evaluates = async (probe: Probe): Promise<boolean> => {
    const key = probe.keys[probe.turn++ % KEYS_PER_PROBE] ?? "";
    return (await sdk.client.variation(FLAG_KEY, { kind: "user", key }, false)) === true;
  };
  const poller = (async () => {
    while (sending || inFlight.size > 0 || pending.size > 0) {
      const probes = [...pending];
      const answers = await Promise.all(probes.map(evaluates));
      const now = performance.now();
      probes.forEach((probe, index) => {
        if (answers[index]) latencies.push(now - probe.answeredAt);
        else if (now - probe.answeredAt > PROBE_TIMEOUT_MS) lost++;
        else return;
        pending.delete(probe);
      });
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      sending = false;
      await sender;
      await Promise.all(inFlight);
      await poller;
      if (failures.length > 0) throw failures[0];
      return { latencies: latencies.sort((a, b) => a - b), lost };
    },
  };
}

export type SustainedSdkLatency = ProbeLatencies & { membersPerSecond: number; seconds: number };

/**
 * A partner sending SUSTAINED_MEMBERS_PER_SECOND new members in batches of SUSTAINED_BATCH, each batch on its own
 * schedule (not after the previous answer), with SDK probes interleaved; returns the probes' latencies and the rate reached.
 */
export async function sustainedLoadWithSdkProbes(options: {
  sdk: BenchSdk;
  clientSideId: string;
  postText: (path: string, text: Buffer) => Promise<void>;
  log: (message: string) => void;
}): Promise<SustainedSdkLatency> {
  const batches = (SUSTAINED_SECONDS * SUSTAINED_MEMBERS_PER_SECOND) / SUSTAINED_BATCH;
  const bodies = Array.from({ length: batches }, () =>
    Buffer.from(
      JSON.stringify(
        partnerAddBody("rudderstack", options.clientSideId, "bench-sustained", randomKeys(SUSTAINED_BATCH)),
      ),
    ),
  );
  options.log(
    `sustained load: ${SUSTAINED_MEMBERS_PER_SECOND} members/s in batches of ${SUSTAINED_BATCH} for ${SUSTAINED_SECONDS} s, with SDK probes…`,
  );
  const probes = startSdkProbes(options.sdk, SUSTAINED_PROBE_EVERY_MS);
  const intervalMs = (SUSTAINED_BATCH / SUSTAINED_MEMBERS_PER_SECOND) * 1000;
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const send = (body: Buffer) => onceMoreOnReset(() => options.postText(PARTNER_PATH, body));
  const started = performance.now();
  for (let index = 0; index < batches && failures.length === 0; index++) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
    const sent: Promise<void> = send(bodies[index] ?? Buffer.alloc(0))
      .catch((error: unknown) => void failures.push(error))
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const { latencies, lost } = await probes.stop();
  if (failures.length > 0) throw failures[0];
  const membersPerSecond = (batches * SUSTAINED_BATCH) / seconds;
  options.log(
    `  reached ${Math.round(membersPerSecond)} members/s; SDK-visible ${describeLatencies(latencies)} (${latencies.length} probes${lost > 0 ? `, ${lost} not seen` : ""})`,
  );
  return { latencies, lost, membersPerSecond, seconds };
}
