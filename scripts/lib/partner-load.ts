/**
 * A load of partner pushes over HTTP, shared by the load, fault and multi-instance scripts: senders push distinct keys
 * through `POST /api/v2/segment-targets/{integrationKey}` in every integration's own payload shape, remove whole earlier
 * batches and re-send earlier ones, and record every attempt, so the final membership can be derived and checked exactly.
 */
import { keyRange, partnerBody, type CohortTarget } from "./load-keys";
import { isSuccess, postPartnerPush, type Attempt } from "./partner-push-request";

export type Batch = {
  id: number;
  sender: number;
  target: number;
  op: "add" | "remove";
  /** The key range: of the batch itself (add), or of the add batch it removes. */
  start: number;
  size: number;
  /** remove: the add batch whose keys it removes. */
  removes?: number;
  /** add: the remove batch that targets it (acknowledged or not). */
  removedBy?: number;
  /** Some attempt was answered 2xx. */
  acked: boolean;
  /** Sent once only, never retried: its outcome may be unknown, and it must then be all or nothing. */
  fireOnce: boolean;
};

export type RequestRecord = {
  batchId: number;
  sender: number;
  /** A re-send repeats an acknowledged batch unchanged. */
  kind: "add" | "remove" | "resend";
  size: number;
  attempt: Attempt;
};

export type LoadOptions = {
  /** The app's base URL, read for every request (it does not change when the app restarts on the same port). */
  base: string;
  token: string;
  clientSideId: string;
  targets: CohortTarget[];
  keyTag: string;
  totalKeys: number;
  /** Senders that retry a batch until it is acknowledged. */
  senders: number;
  /** Extra senders that send every batch exactly once, whatever the answer. */
  fireOnceSenders?: number;
  /** Share of requests that remove an earlier acknowledged batch, and that re-send one. */
  removeRate?: number;
  resendRate?: number;
  /** Batch sizes, drawn with these weights. */
  sizes?: { size: number; weight: number }[];
  seed?: number;
  requestTimeoutMs?: number;
  /** A batch still not acknowledged after retrying this long is given up (and reported). */
  giveUpAfterMs?: number;
  /** Spreads each sender's requests over several base URLs (several instances); default `[base]`. */
  bases?: string[];
};

export type LoadResult = {
  batches: Batch[];
  requests: RequestRecord[];
  seconds: number;
  /** Batches given up after `giveUpAfterMs`. */
  givenUp: number;
};

/** mulberry32: a small seeded generator, so a run's choices can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A live view of a running load, for a fault controller that waits for progress. */
export type LoadProgress = { allocatedKeys: number; ackedKeys: number; inFlight: Map<number, number> };

export type RunningLoad = {
  progress: LoadProgress;
  done: Promise<LoadResult>;
  /**
   * Sends one more add batch of fresh keys (beyond `totalKeys`) to a target, once, outside the senders: for a fault that
   * needs long requests in flight at a chosen moment. It is recorded and checked like every other batch.
   */
  sendExtraBatch: (
    target: number,
    size: number,
  ) => { sent: Promise<void>; done: Promise<Attempt | undefined> };
};

export function runPartnerLoad(options: LoadOptions): RunningLoad {
  const removeRate = options.removeRate ?? 0.05;
  const resendRate = options.resendRate ?? 0.05;
  const sizes = options.sizes ?? [
    { size: 1_000, weight: 10 },
    { size: 10_000, weight: 1 },
  ];
  const totalWeight = sizes.reduce((sum, entry) => sum + entry.weight, 0);
  const timeoutMs = options.requestTimeoutMs ?? 60_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 300_000;
  const bases = options.bases ?? [options.base];
  const batches: Batch[] = [];
  const requests: RequestRecord[] = [];
  const progress: LoadProgress = { allocatedKeys: 0, ackedKeys: 0, inFlight: new Map() };
  let givenUp = 0;
  let requestCounter = 0;
  /** When the app last answered 2xx: a send-once sender whose batch failed waits for the app to work again. */
  let lastSuccessAt = 0;
  let retryingSendersDone = 0;
  const everyRetryingSenderDone = () => retryingSendersDone >= options.senders;

  async function send(
    batch: Batch,
    kind: RequestRecord["kind"],
    sender: number,
    onSent?: () => void,
  ): Promise<boolean> {
    const target = options.targets[batch.target];
    if (!target) throw new Error(`no target ${batch.target}`);
    const body = JSON.stringify(
      partnerBody(target, options.clientSideId, batch.op, keyRange(options.keyTag, batch.start, batch.size)),
    );
    const firstTry = performance.now();
    for (let attemptNumber = 0; ; attemptNumber++) {
      const requestId = requestCounter++;
      const base = bases[(sender + attemptNumber + requests.length) % bases.length] ?? options.base;
      progress.inFlight.set(requestId, performance.now());
      const attempt = await postPartnerPush(base, options.token, target.integration, body, timeoutMs, onSent);
      progress.inFlight.delete(requestId);
      requests.push({ batchId: batch.id, sender, kind, size: batch.size, attempt });
      if (isSuccess(attempt)) {
        lastSuccessAt = Math.max(lastSuccessAt, attempt.endedAt);
        return true;
      }
      if (sender < 0) return false;
      // 429 and 503 say when to come back; a refused or reset connection (the app restarting) is tried again soon. A
      // send-once sender waits too before its next batch, or it would race through the keys while the app is down.
      const wait =
        attempt.retryAfterSeconds !== undefined
          ? attempt.retryAfterSeconds * 1000
          : attempt.status === null
            ? 250
            : 1_000;
      await sleep(Math.min(wait, 5_000) * (0.75 + Math.random() * 0.5));
      if (batch.fireOnce) {
        const failedAt = attempt.endedAt;
        while (lastSuccessAt < failedAt && !everyRetryingSenderDone()) await sleep(100);
        return false;
      }
      if (performance.now() - firstTry > giveUpAfterMs) {
        givenUp++;
        return false;
      }
    }
  }

  async function sender(senderId: number, fireOnce: boolean): Promise<void> {
    const random = seededRandom((options.seed ?? 1) * 7919 + senderId);
    const removable: Batch[] = [];
    const resendable: Batch[] = [];
    let ownBatches = 0;
    for (;;) {
      const roll = random();
      if (roll < removeRate && removable.length > 0) {
        const [victim] = removable.splice(Math.floor(random() * removable.length), 1);
        if (!victim) continue;
        const resendIndex = resendable.indexOf(victim);
        if (resendIndex >= 0) resendable.splice(resendIndex, 1);
        const batch: Batch = {
          id: batches.length,
          sender: senderId,
          target: victim.target,
          op: "remove",
          start: victim.start,
          size: victim.size,
          removes: victim.id,
          acked: false,
          fireOnce,
        };
        batches.push(batch);
        victim.removedBy = batch.id;
        batch.acked = await send(batch, "remove", senderId);
        if (batch.acked) resendable.push(batch);
        continue;
      }
      if (roll < removeRate + resendRate && resendable.length > 0) {
        const again = resendable[Math.floor(random() * resendable.length)];
        if (again) await send({ ...again, fireOnce }, "resend", senderId);
        continue;
      }
      const remaining = options.totalKeys - progress.allocatedKeys;
      if (remaining <= 0) return;
      let pick = random() * totalWeight;
      const chosen = sizes.find((entry) => (pick -= entry.weight) < 0) ?? sizes[0];
      const size = Math.min(chosen?.size ?? 1_000, remaining);
      const batch: Batch = {
        id: batches.length,
        sender: senderId,
        target: (senderId + ownBatches++) % options.targets.length,
        op: "add",
        start: progress.allocatedKeys,
        size,
        acked: false,
        fireOnce,
      };
      progress.allocatedKeys += size;
      batches.push(batch);
      batch.acked = await send(batch, "add", senderId);
      if (batch.acked) {
        progress.ackedKeys += size;
        removable.push(batch);
        resendable.push(batch);
      }
    }
  }

  const started = performance.now();
  const done = Promise.all([
    ...Array.from({ length: options.senders }, (_, index) =>
      sender(index, false).finally(() => retryingSendersDone++),
    ),
    ...Array.from({ length: options.fireOnceSenders ?? 0 }, (_, index) =>
      sender(options.senders + index, true),
    ),
  ]).then(() => ({ batches, requests, seconds: (performance.now() - started) / 1000, givenUp }));
  let extraKeys = 0;
  const sendExtraBatch = (target: number, size: number) => {
    const batch: Batch = {
      id: batches.length,
      sender: -1,
      target,
      op: "add",
      start: options.totalKeys + extraKeys,
      size,
      acked: false,
      fireOnce: true,
    };
    extraKeys += size;
    batches.push(batch);
    let markSent = () => {};
    const sent = new Promise<void>((resolve) => (markSent = resolve));
    const done = send(batch, "add", -1, markSent).then((acked) => {
      batch.acked = acked;
      markSent();
      return requests.findLast((request) => request.batchId === batch.id)?.attempt;
    });
    return { sent, done };
  };
  return { progress, done, sendExtraBatch };
}

// ---------------------------------------------------------------------------------------------------------------------
