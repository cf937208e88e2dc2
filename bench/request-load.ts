/**
 * A load generator in a process of its own, for the steady-state latency figures of `npm run bench`: the bench process
 * holds millions of keys, and its garbage collector's pauses on that heap showed up as request latency (measured: 4
 * clients' lookup p99 5.5 ms from a small process, 8 ms from one holding 3,000,000 keys).
 *
 * Reads one JSON job from stdin, `{ base, headers, clients, requests: [{ method, path, body? }] }`, sends the requests
 * over keep-alive connections with that many in flight, fails on any answer other than 200, and prints its Timing as JSON.
 */
import { keepAliveClient } from "./http-client";
import { runConcurrently } from "./measure";

type LoadJob = {
  base: string;
  headers: Record<string, string>;
  clients: number;
  requests: { method: "GET" | "POST"; path: string; body?: string }[];
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main() {
  const job = JSON.parse(await readStdin()) as LoadJob;
  const client = keepAliveClient(job.base, job.headers);
  try {
    const timing = await runConcurrently(job.requests.length, job.clients, async (index) => {
      const request = job.requests[index];
      if (!request) return;
      const answer =
        request.method === "GET"
          ? await client.get(request.path)
          : await client.postText(request.path, request.body ?? "");
      if (answer.status !== 200)
        throw new Error(`${request.method} ${request.path} answered ${answer.status}`);
    });
    process.stdout.write(JSON.stringify(timing));
  } finally {
    client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
