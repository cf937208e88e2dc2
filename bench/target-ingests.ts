import { cpuByRole, describeCpuPerUnit } from "./process-cpu";
import { runConcurrently, type Timing } from "./measure";
import { partnerAddBody } from "./partner-body";
import { randomKeys } from "./support";

/** Untimed pushes before the timed ingest (see `warmUp`). */
const WARMUP_PUSHES = 2_000;
const WARMUP_BATCH = 20;
/** Members re-sent unchanged, at most. */
const RESEND_MEMBERS = 100_000;

export type TargetIngestSetup = {
  clientSideId: string;
  post: (path: string, body: unknown) => Promise<void>;
  postText: (path: string, text: Buffer) => Promise<void>;
  serializedBatches: (count: number, body: (index: number) => unknown) => Buffer[];
  members: number;
  senders: number;
  rudderKeys: readonly string[];
  amplitudeKeys: readonly string[];
  log: (message: string) => void;
};

export type TargetIngests = { rudder: Timing; amplitude: Timing };

/** CPU time so far of each process of the benchmark, by role (this process is the load). */
const benchCpu = () => cpuByRole("bench/run.ts");

const amplitudeBody = (environmentId: string, keys: string[], cohortId: string) =>
  partnerAddBody("amplitude", environmentId, cohortId, keys);

/**
 * Untimed: a server that has just started runs the write path in V8's unoptimised tiers and compiles as it goes (a
 * fifth of the web server's CPU during the first 1,000 pushes went to the optimising compiler), and each pool
 * connection prepares its statements once. A partner's sync meets a server that has been up for a while.
 */
async function warmUp({ clientSideId, post, senders, log }: TargetIngestSetup): Promise<void> {
  log(
    `warm-up: ${WARMUP_PUSHES} untimed pushes of ${WARMUP_BATCH} keys to another cohort of each integration…`,
  );
  const warmupKeys = randomKeys(WARMUP_PUSHES * WARMUP_BATCH);
  const warmupCpu = benchCpu();
  const warmup = await runConcurrently(WARMUP_PUSHES, senders, (index) => {
    const keys = warmupKeys.slice(index * WARMUP_BATCH, (index + 1) * WARMUP_BATCH);
    return index % 10 === 9
      ? post("/api/v2/segment-targets/amplitude", amplitudeBody(clientSideId, keys, "bench-warmup"))
      : post(
          "/api/v2/segment-targets/rudderstack",
          partnerAddBody("rudderstack", clientSideId, "bench-warmup", keys, "Bench warm-up"),
        );
  });
  log(
    `  ${Math.round(warmup.count / warmup.seconds)} pushes/s; CPU ms per push: ${describeCpuPerUnit(warmupCpu, benchCpu(), WARMUP_PUSHES)}`,
  );
}

/** Pushes pre-serialized bodies to one integration's endpoint, `senders` at a time, and logs the figures. */
async function ingest(
  setup: TargetIngestSetup,
  integration: "rudderstack" | "amplitude",
  bodies: Buffer[],
): Promise<Timing> {
  const { postText, members, senders, log } = setup;
  const pushes = bodies.length;
  const cpuBefore = benchCpu();
  const timing = await runConcurrently(pushes, senders, (index) =>
    postText(`/api/v2/segment-targets/${integration}`, bodies[index] ?? Buffer.alloc(0)),
  );
  log(`  CPU ms per push: ${describeCpuPerUnit(cpuBefore, benchCpu(), pushes)}`);
  bodies.length = 0;
  log(
    `  ${Math.round(members / timing.seconds)} members/s, p50 ${timing.p50.toFixed(0)} ms, p99 ${timing.p99.toFixed(0)} ms`,
  );
  return timing;
}

/**
 * The two target ingests, after an untimed warm-up, into an environment without a store: rudderstack in batches of
 * 1,000 to one cohort, then amplitude in batches of 10,000. Bodies are serialized and encoded before the clock starts,
 * as the COPY ceiling's keys are generated before its clock.
 */
export async function ingestTargets(setup: TargetIngestSetup): Promise<TargetIngests> {
  const { clientSideId, serializedBatches, members, rudderKeys, amplitudeKeys, log } = setup;
  await warmUp(setup);

  log("ingest: rudderstack, batches of 1,000…");
  const rudderBodies = serializedBatches(members / 1000, (index) =>
    partnerAddBody(
      "rudderstack",
      clientSideId,
      "bench-rudder",
      rudderKeys.slice(index * 1000, (index + 1) * 1000),
      "Bench rudderstack",
    ),
  );
  const rudder = await ingest(setup, "rudderstack", rudderBodies);

  log("ingest: amplitude, batches of 10,000…");
  const amplitudeBodies = serializedBatches(members / 10_000, (index) =>
    amplitudeBody(clientSideId, amplitudeKeys.slice(index * 10_000, (index + 1) * 10_000), "bench-amplitude"),
  );
  const amplitude = await ingest(setup, "amplitude", amplitudeBodies);
  return { rudder, amplitude };
}

/** Re-sends up to 100,000 amplitude members that are all present already: the cost of a no-op sync. */
export async function resendUnchanged(
  setup: TargetIngestSetup,
): Promise<{ resend: Timing; resendCount: number }> {
  const { clientSideId, post, members, senders, amplitudeKeys, log } = setup;
  log("re-send of 100,000 unchanged members…");
  const resendCount = Math.min(RESEND_MEMBERS, members);
  const resend = await runConcurrently(resendCount / 10_000, senders, (index) =>
    post(
      "/api/v2/segment-targets/amplitude",
      amplitudeBody(
        clientSideId,
        amplitudeKeys.slice(index * 10_000, (index + 1) * 10_000),
        "bench-amplitude",
      ),
    ),
  );
  return { resend, resendCount };
}
