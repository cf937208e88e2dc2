/** One partner push over HTTP with its timings, and figures over many of them. */
import diagnosticsChannel from "node:diagnostics_channel";
import { percentile } from "@/bench/measure";
import type { IntegrationKey } from "@/lib/server/sync/integrations";

export type Attempt = {
  /** performance.now() when the request was started and when its answer (or failure) was complete. */
  startedAt: number;
  endedAt: number;
  /** HTTP status, or null when no answer came (connection refused or reset, timeout). */
  status: number | null;
  /** The error body's `code` (or Heap's `error.code`), or the network error's code. */
  code?: string;
  retryAfterSeconds?: number;
  timedOut?: boolean;
  /** performance.now() when the whole request had been written to the socket (undici's `bodySent`), if it was. */
  bodySentAt?: number;
};

/** Attempts waiting for undici to report their body written, by the id sent in ATTEMPT_HEADER. */
const ATTEMPT_HEADER = "x-load-attempt";
const pendingAttempts = new Map<string, { sentAt: number; onSent?: () => void }>();
let attemptCounter = 0;
let watchingBodySent = false;

/**
 * When a request has actually left this process: `fetch` only starts a request, and a busy event loop may write it
 * much later. A fault script needs to know which requests the server could have received before the fault.
 */
function watchBodySent(): void {
  if (watchingBodySent) return;
  watchingBodySent = true;
  diagnosticsChannel.subscribe("undici:request:bodySent", (message) => {
    const headers: unknown = (message as { request?: { headers?: unknown } }).request?.headers;
    if (!Array.isArray(headers)) return;
    const index = headers.findIndex((entry) => entry === ATTEMPT_HEADER);
    const id: unknown = index >= 0 ? headers[index + 1] : undefined;
    const pending = typeof id === "string" ? pendingAttempts.get(id) : undefined;
    if (!pending) return;
    pending.sentAt = performance.now();
    pending.onSent?.();
  });
}

function errorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; error?: { code?: unknown } };
    const code = parsed.code ?? parsed.error?.code;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}

function networkCode(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timeout";
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code: unknown = Reflect.get(current, "code");
    if (typeof code === "string") return code;
    current = Reflect.get(current, "cause");
  }
  return error instanceof Error ? error.message : "network error";
}

/** One POST of a partner push; never throws. */
export async function postPartnerPush(
  base: string,
  token: string,
  integration: IntegrationKey,
  body: string,
  timeoutMs: number,
  /** Called once the whole request has been written to the socket. */
  onSent?: () => void,
): Promise<Attempt> {
  watchBodySent();
  const id = String(attemptCounter++);
  pendingAttempts.set(id, { sentAt: 0, onSent });
  const sent = () => {
    const at = pendingAttempts.get(id)?.sentAt ?? 0;
    pendingAttempts.delete(id);
    return at > 0 ? at : undefined;
  };
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/api/v2/segment-targets/${integration}`, {
      method: "POST",
      headers: { Authorization: token, "Content-Type": "application/json", [ATTEMPT_HEADER]: id },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const retryAfter = Number(response.headers.get("retry-after") ?? "NaN");
    return {
      startedAt,
      endedAt: performance.now(),
      status: response.status,
      code: response.ok ? undefined : errorCode(text),
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
      bodySentAt: sent(),
    };
  } catch (error) {
    const code = networkCode(error);
    return {
      startedAt,
      endedAt: performance.now(),
      status: null,
      code,
      timedOut: code === "timeout",
      bodySentAt: sent(),
    };
  }
}

export type LatencySummary = { count: number; p50: number; p99: number; max: number };

export function summarizeLatency(attempts: readonly Attempt[]): LatencySummary {
  const latencies = attempts.map((attempt) => attempt.endedAt - attempt.startedAt).sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
  };
}

/** Counts of answers by status (and error code), e.g. `{"204": 5000, "503 service_unavailable": 12, "ECONNREFUSED": 3}`. */
export function statusHistogram(attempts: readonly Attempt[]): Record<string, number> {
  const histogram: Record<string, number> = {};
  for (const attempt of attempts) {
    const label =
      attempt.status === null
        ? (attempt.code ?? "network error")
        : attempt.status < 300
          ? String(attempt.status)
          : `${attempt.status} ${attempt.code ?? ""}`.trim();
    histogram[label] = (histogram[label] ?? 0) + 1;
  }
  return histogram;
}

export const isSuccess = (attempt: Attempt) =>
  attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
