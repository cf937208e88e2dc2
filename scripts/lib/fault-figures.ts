/** The faulttest's figures: what happened around each fault, and over the whole load, as report rows. */
import type { LoadCheck } from "./verify-load";
import type { LoadResult } from "./partner-load";
import { isSuccess, statusHistogram, summarizeLatency, type Attempt } from "./partner-push-request";
import { formatCount, formatMs, type ReportRow } from "./report";

/** A request that began this long before SIGTERM has surely reached the server. */
export const IN_FLIGHT_MARGIN_MS = 300;
/** While PostgreSQL is down, a request must be answered 503 within this. */
export const QUICK_MS = 2_000;
export const LARGE_BATCH = 50_000;
/** scripts/start.ts sends SIGKILL this long after SIGTERM if Next.js is still running. */
export const START_KILL_AFTER_MS = 15_000;

export type Timeline = {
  outage?: { stopAt: number; stoppedAt: number; startAt: number; startedAt: number };
  kill?: { at: number; exitedAt: number; readyAt: number };
  term?: {
    at: number;
    serverExitedAt: number;
    exitedAt: number;
    readyAt: number;
    inFlight: number;
    large: ({ status: number | null; code?: string; answeredAfterSigtermMs: number } | null)[];
  };
};

export type InFlightDetail = {
  keys: number;
  kind: string;
  startedBeforeSigtermMs: number;
  sentBeforeSigtermMs: number;
  answeredAfterSigtermMs: number;
  status: number | null;
  code?: string;
};

/** How long the answer took once the fault had begun: from the later of the request's start and the fault's start. */
const answerDelay = (attempt: Attempt, faultAt: number) =>
  attempt.endedAt - Math.max(attempt.startedAt, faultAt);

export type FaultFigures = {
  rows: ReportRow[];
  failures: string[];
  outage: ReturnType<typeof outageFiguresOf> | null;
  inFlightDetails: InFlightDetail[];
};

function outageFiguresOf(attempts: readonly Attempt[], outage: NonNullable<Timeline["outage"]>) {
  const during = attempts.filter(
    (attempt) => attempt.endedAt >= outage.stopAt && attempt.startedAt <= outage.startedAt,
  );
  const fullyDown = during.filter(
    (attempt) => attempt.startedAt >= outage.stoppedAt && attempt.endedAt <= outage.startAt,
  );
  const failed = during.filter((attempt) => !isSuccess(attempt));
  const slowest = Math.max(0, ...failed.map((attempt) => answerDelay(attempt, outage.stopAt)));
  return {
    requests: during.length,
    statuses: statusHistogram(during),
    whileFullyDown: statusHistogram(fullyDown),
    unavailable: during.filter((attempt) => attempt.status === 503).length,
    slowestFailureMs: slowest,
    latencyWhileDown: summarizeLatency(fullyDown),
    wrong: during.filter(
      (attempt) => !isSuccess(attempt) && !(attempt.status === 503 && attempt.code === "service_unavailable"),
    ).length,
  };
}

/** Rows and failures for the three faults of the timeline. */
export function faultFigures(
  attempts: readonly Attempt[],
  result: LoadResult,
  timeline: Timeline,
): FaultFigures {
  let inFlightDetails: InFlightDetail[] = [];
  const rows: ReportRow[] = [];
  const failures: string[] = [];
  const outage = timeline.outage;
  const outageFigures = outage ? outageFiguresOf(attempts, outage) : null;
  if (outageFigures) {
    rows.push(
      {
        measure: "(a) PostgreSQL down: requests answered",
        result: `${outageFigures.requests}: ${JSON.stringify(outageFigures.statuses)}`,
      },
      {
        measure: "(a) answers other than 2xx or 503 service_unavailable",
        result: String(outageFigures.wrong),
        target: "0",
        ok: outageFigures.wrong === 0 && outageFigures.unavailable > 0,
      },
      {
        measure: "(a) slowest 503 (from the later of request start and outage start)",
        result: formatMs(outageFigures.slowestFailureMs),
        target: "< 2,000 ms",
        ok: outageFigures.slowestFailureMs < QUICK_MS,
      },
      {
        measure: "(a) latency of requests sent while fully down",
        result: `${outageFigures.latencyWhileDown.count} requests, p50 ${formatMs(outageFigures.latencyWhileDown.p50)}, max ${formatMs(outageFigures.latencyWhileDown.max)}`,
      },
    );
  } else failures.push("the PostgreSQL outage did not happen");

  const kill = timeline.kill;
  if (kill) {
    const around = attempts.filter(
      (attempt) => attempt.endedAt >= kill.at && attempt.startedAt <= kill.readyAt,
    );
    rows.push(
      {
        measure: "(b) SIGKILL: answers until the app served again",
        result: `${around.length}: ${JSON.stringify(statusHistogram(around))}`,
      },
      { measure: "(b) restart time (npm start path)", result: formatMs(kill.readyAt - kill.exitedAt) },
    );
  } else failures.push("the SIGKILL did not happen");

  const term = timeline.term;
  if (term) {
    // In flight: the whole request had left this process a moment before SIGTERM, and the answer came after it. A request
    // started earlier but still unwritten (this driver's event loop was busy) could not have reached the server.
    const inFlight = attempts.filter(
      (attempt) =>
        attempt.bodySentAt !== undefined &&
        attempt.bodySentAt <= term.at - IN_FLIGHT_MARGIN_MS &&
        attempt.endedAt >= term.at,
    );
    const startedNotSent = attempts.filter(
      (attempt) =>
        attempt.startedAt <= term.at &&
        attempt.endedAt >= term.at &&
        !(attempt.bodySentAt !== undefined && attempt.bodySentAt <= term.at - IN_FLIGHT_MARGIN_MS),
    );
    const finishedWell = inFlight.filter(isSuccess).length;
    inFlightDetails = result.requests
      .filter((request) => inFlight.includes(request.attempt))
      .map((request) => ({
        keys: request.size,
        kind: request.kind,
        startedBeforeSigtermMs: Math.round(term.at - request.attempt.startedAt),
        sentBeforeSigtermMs: Math.round(term.at - (request.attempt.bodySentAt ?? term.at)),
        answeredAfterSigtermMs: Math.round(request.attempt.endedAt - term.at),
        status: request.attempt.status,
        code: request.attempt.code,
      }));
    for (const detail of inFlightDetails.filter((entry) => entry.status === null || entry.status >= 300))
      failures.push(`in flight at SIGTERM but not answered 2xx: ${JSON.stringify(detail)}`);
    const afterTerm = attempts.filter(
      (attempt) => attempt.startedAt > term.at && attempt.startedAt < term.readyAt,
    );
    rows.push(
      {
        measure: "(c) SIGTERM: requests in flight that finished 2xx",
        result: `${finishedWell} of ${inFlight.length} ${JSON.stringify(statusHistogram(inFlight))}`,
        target: "all, at least 1",
        ok: inFlight.length > 0 && finishedWell === inFlight.length,
      },
      {
        measure: "(c) requests started but not yet sent (or just sent) at SIGTERM",
        result: `${startedNotSent.length}: ${JSON.stringify(statusHistogram(startedNotSent))}`,
      },
      {
        measure: `(c) three ${formatCount(LARGE_BATCH)}-key pushes in flight: status, answered after SIGTERM`,
        result: term.large
          .map((entry) =>
            entry ? `${entry.status ?? entry.code} after ${formatMs(entry.answeredAfterSigtermMs)}` : "?",
          )
          .join(", "),
        target: "2xx",
        ok: term.large.every((entry) => entry !== null && entry.status !== null && entry.status < 300),
      },
      {
        // start.ts kills Next.js 15 s after SIGTERM: exiting before that means the drain finished by itself.
        measure: "(c) Next.js exit after SIGTERM / last in-flight answer",
        result: `${formatMs(term.serverExitedAt - term.at)} / ${formatMs(Math.max(0, ...inFlight.map((attempt) => attempt.endedAt - term.at)))}`,
        target: "< 15,000 ms (not killed)",
        ok: term.serverExitedAt - term.at < START_KILL_AFTER_MS - 500,
      },
      {
        measure: "(c) requests sent after SIGTERM until serving again",
        result: `${afterTerm.length}: ${JSON.stringify(statusHistogram(afterTerm))}`,
      },
    );
  } else failures.push("the SIGTERM did not happen");

  return { rows, failures, outage: outageFigures, inFlightDetails };
}

/** Rows over the whole load: statuses, hangs, and the SQL check of every batch and segment. */
export function overallRows(attempts: readonly Attempt[], result: LoadResult, check: LoadCheck): ReportRow[] {
  const serverErrors = attempts.filter((attempt) => attempt.status === 500).length;
  const hangs = attempts.filter((attempt) => attempt.timedOut).length;
  const unacknowledgedRetried = result.batches.filter((batch) => !batch.fireOnce && !batch.acked).length;
  return [
    { measure: "requests, all", result: `${attempts.length}: ${JSON.stringify(statusHistogram(attempts))}` },
    {
      measure: "500 answers / hangs (no answer in 30 s)",
      result: `${serverErrors} / ${hangs}`,
      target: "0 / 0",
      ok: serverErrors === 0 && hangs === 0,
    },
    {
      measure: "retried batches never acknowledged",
      result: String(unacknowledgedRetried),
      target: "0",
      ok: unacknowledgedRetried === 0,
    },
    {
      measure: "send-once batches unacknowledged: applied whole / not at all",
      result: `${check.batches.unacknowledgedApplied} / ${check.batches.unacknowledgedNotApplied}`,
    },
    {
      measure: "batches partly applied / applied in pieces",
      result: `${check.batches.partial} / ${check.batches.split} (of ${check.batches.checkedForSplit} with a sync run id)`,
      target: "0 / 0",
      ok: check.batches.partial === 0 && check.batches.split === 0,
    },
    {
      measure: "acknowledged adds lost / acknowledged removals not applied",
      result: `${check.batches.lostAcknowledged} / ${check.batches.removalsNotApplied}`,
      target: "0 / 0",
      ok: check.batches.lostAcknowledged === 0 && check.batches.removalsNotApplied === 0,
    },
    ...check.segments.map((segment) => ({
      measure: `segment ${segment.segmentKey ?? segment.cohort}`,
      result: `${formatCount(segment.rows)} rows, count ${formatCount(segment.storedCount)}, missing ${segment.missing}, unexpected ${segment.unexpected}`,
      target: "exact",
      ok: segment.ok,
    })),
    { measure: "wall time of the load", result: `${result.seconds.toFixed(0)} s` },
  ];
}
