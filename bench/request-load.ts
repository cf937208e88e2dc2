/**
 * A load generator in a process of its own, for the steady-state latency figures of `npm run bench`: the bench process
 * holds millions of keys, and its garbage collector's pauses on that heap showed up as request latency (measured: 4
 * clients' lookup p99 5.5 ms from a small process, 8 ms from one holding 3,000,000 keys).
 *
 * Reads one JSON job from stdin, `{ base, headers, clients, warmup: [...], requests: [{ method, path, body? }] }`, sends
 * the warm-up requests untimed and then the requests, over keep-alive connections with that many in flight, fails on any
 * answer other than 200, and prints the requests' Timing as JSON. With BENCH_TIMELINE set it also prints p50/p99 per 500
 * requests in the order they were sent, to stderr.
 */
import { keepAliveClient } from "./http-client";
import { runConcurrently } from "./measure";
import type { LoadRequest } from "./run-request-load";

type LoadJob = {
  base: string;
  headers: Record<string, string>;
  clients: number;
  warmup: LoadRequest[];
  requests: LoadRequest[];
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function printTimeline(latencies: number[]) {
  for (let start = 0; start < latencies.length; start += 500) {
    const window = latencies.slice(start, start + 500).sort((a, b) => a - b);
    const at = (fraction: number) => window[Math.floor(window.length * fraction)]?.toFixed(2);
    process.stderr.write(
      `[load] requests ${start}-${start + window.length - 1}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms\n`,
    );
  }
}

async function main() {
  const job = JSON.parse(await readStdin()) as LoadJob;
  const client = keepAliveClient(job.base, job.headers);
  const send = async (request: LoadRequest | undefined) => {
    if (!request) return;
    const answer =
      request.method === "GET"
        ? await client.get(request.path)
        : await client.postText(request.path, request.body ?? "");
    if (answer.status !== 200) throw new Error(`${request.method} ${request.path} answered ${answer.status}`);
  };
  try {
    await runConcurrently(job.warmup.length, job.clients, (index) => send(job.warmup[index]));
    const latencies: number[] = [];
    const timing = await runConcurrently(job.requests.length, job.clients, async (index) => {
      const begun = performance.now();
      await send(job.requests[index]);
      latencies[index] = performance.now() - begun;
    });
    if (process.env.BENCH_TIMELINE) printTimeline(latencies);
    process.stdout.write(JSON.stringify(timing));
  } finally {
    client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
