import { describe, expect, it, vi } from "vitest";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { createRateLimitCounter } from "@/lib/server/api/create-rate-limit-counter";

/** rate-limiter-flexible's in-memory store (the real library), counting the writes a counter makes to it. */
function countingStore(points: number, durationSeconds = 10) {
  const store = new RateLimiterMemory({ points, duration: durationSeconds });
  const writes: number[] = [];
  return {
    writes,
    store,
    consume: (key: string, count: number) => {
      writes.push(count);
      return store.consume(key, count);
    },
  };
}

function counterOn(store: ReturnType<typeof countingStore>, points: number, leaseSize: number) {
  return createRateLimitCounter({ store: () => store, points: () => points, leaseSize: () => leaseSize });
}

describe("createRateLimitCounter", () => {
  it("answers every request as if counted alone while writing once per lease", async () => {
    const store = countingStore(1000);
    const count = counterOn(store, 1000, 10);
    for (let request = 1; request <= 1000; request++) {
      const answer = await count("token", "GET /x");
      expect(answer).toMatchObject({ allowed: true, remaining: 1000 - request });
    }
    expect(await count("token", "GET /x")).toMatchObject({ allowed: false, remaining: 0 });
    // The first write counts its request and 10 ahead; each further write, 10 more ahead.
    expect(store.writes[0]).toBe(11);
    expect(store.writes.slice(1).every((points) => points === 10)).toBe(true);
    expect(store.writes.length).toBeLessThanOrEqual(Math.ceil(1001 / 10) + 1);
  });

  it("counts the next lease while the current one still answers, so a steady stream never waits for the store", async () => {
    const store = countingStore(1000);
    const pending: (() => void)[] = [];
    const count = createRateLimitCounter({
      // Every write waits until the test lets it through.
      store: () => ({
        consume: (key, points) =>
          new Promise((resolve, reject) => {
            pending.push(() => void store.consume(key, points).then(resolve, reject));
          }),
      }),
      points: () => 1000,
      leaseSize: () => 10,
    });
    const first = count("token", "GET /x");
    pending.shift()?.();
    expect(await first).toMatchObject({ remaining: 999 });
    // Ten leased positions answer at once, though the write of the next lease (begun at half) is still held back.
    for (let remaining = 998; remaining >= 989; remaining--) {
      expect(await count("token", "GET /x")).toMatchObject({ allowed: true, remaining });
    }
    expect(pending).toHaveLength(1);
    const waiting = count("token", "GET /x");
    pending.shift()?.();
    expect(await waiting).toMatchObject({ allowed: true, remaining: 988 });
  });

  it("lets exactly the limit through among concurrent requests, each with its own remainder", async () => {
    const store = countingStore(20);
    const count = counterOn(store, 20, 5);
    const answers = await Promise.all(Array.from({ length: 50 }, () => count("token", "GET /x")));
    const allowed = answers.filter((answer) => answer.allowed);
    expect(allowed).toHaveLength(20);
    expect(allowed.map((answer) => answer.remaining).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index),
    );
    expect(answers.filter((answer) => !answer.allowed).every((answer) => answer.remaining === 0)).toBe(true);
  });

  it("keeps tokens and routes apart", async () => {
    const store = countingStore(2);
    const count = counterOn(store, 2, 0);
    for (let request = 0; request < 2; request++) expect((await count("a", "GET /x")).allowed).toBe(true);
    expect((await count("a", "GET /x")).allowed).toBe(false);
    expect((await count("b", "GET /x")).allowed).toBe(true);
    expect((await count("a", "POST /x")).allowed).toBe(true);
  });

  it("writes every request when the lease is 0", async () => {
    const store = countingStore(5);
    const count = counterOn(store, 5, 0);
    for (let request = 0; request < 4; request++) await count("token", "GET /x");
    expect(store.writes).toEqual([1, 1, 1, 1]);
  });

  it("with two instances on one store, never lets more than the limit through, at most a lease per instance fewer", async () => {
    const store = countingStore(100);
    const instances = [counterOn(store, 100, 4), counterOn(store, 100, 4)];
    const answers = [];
    for (let request = 0; request < 200; request++) {
      const instance = instances[request % 2];
      if (instance) answers.push(await instance("token", "GET /x"));
    }
    const allowed = answers.filter((answer) => answer.allowed).length;
    expect(allowed).toBeLessThanOrEqual(100);
    expect(allowed).toBeGreaterThanOrEqual(100 - 4);
  });

  it("starts over when the window ends, leases included", async () => {
    // The clock is moved past the one-second window instead of waiting for it.
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const store = countingStore(100, 1);
      const count = counterOn(store, 100, 10);
      expect(await count("token", "GET /x")).toMatchObject({ allowed: true, remaining: 99 });
      expect(await count("token", "GET /x")).toMatchObject({ allowed: true, remaining: 98 });
      vi.advanceTimersByTime(1_100);
      expect(await count("token", "GET /x")).toMatchObject({ allowed: true, remaining: 99 });
      expect(store.writes).toEqual([11, 11]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("fails the requests of a failed write and tries the store again for the next", async () => {
    let failing = true;
    const store = countingStore(10);
    const count = createRateLimitCounter({
      store: () => ({
        consume: (key, points) =>
          failing ? Promise.reject(new Error("store down")) : store.consume(key, points),
      }),
      points: () => 10,
      leaseSize: () => 2,
    });
    const failed = await Promise.allSettled([count("token", "GET /x"), count("token", "GET /x")]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    failing = false;
    expect(await count("token", "GET /x")).toMatchObject({ allowed: true, remaining: 9 });
  });
});
