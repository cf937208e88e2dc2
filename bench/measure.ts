/** Small helpers for the benchmarks: bounded concurrency and latency percentiles. */

export type Timing = { count: number; seconds: number; p50: number; p99: number; max: number };

export function percentile(sortedMs: number[], fraction: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil(fraction * sortedMs.length) - 1));
  return sortedMs[index] ?? 0;
}

/** Runs `jobs` with at most `concurrency` in flight; each job's latency is recorded. */
export async function runConcurrently(
  jobs: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    for (;;) {
      const index = next++;
      if (index >= jobs) return;
      const begun = performance.now();
      await job(index);
      latencies.push(performance.now() - begun);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: jobs,
    seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
  };
}
