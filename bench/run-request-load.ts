import { spawn } from "node:child_process";
import path from "node:path";
import type { Timing } from "./measure";

export type LoadRequest = { method: "GET" | "POST"; path: string; body?: string };

/**
 * Runs `requests` from a fresh process (bench/request-load.ts) with `clients` in flight and returns their Timing; the
 * `warmup` requests go first, untimed.
 */
export function runRequestLoad(
  base: string,
  headers: Record<string, string>,
  clients: number,
  requests: LoadRequest[],
  warmup: LoadRequest[] = [],
): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "request-load.ts")],
      { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } },
    );
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`the request load process exited with ${code}`));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(output).toString("utf8")) as Timing);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.stdin.end(JSON.stringify({ base, headers, clients, warmup, requests }));
  });
}
