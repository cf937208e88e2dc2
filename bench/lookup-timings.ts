import { randomBytes } from "node:crypto";
import type pg from "pg";
import { settleDatabase } from "./database-steps";
import type { Timing } from "./measure";
import { partnerAddBody } from "./partner-body";
import { runRequestLoad } from "./run-request-load";
import { fetchOnceMore } from "./support";

export type LookupSetup = {
  db: pg.Client;
  base: string;
  token: string;
  clientSideId: string;
  /** The members of the amplitude-bench-amplitude segment. */
  amplitudeKeys: readonly string[];
  senders: number;
  post: (path: string, body: unknown) => Promise<void>;
  log: (message: string) => void;
};

export type LookupTimings = {
  lookup: Timing;
  lookupSingle: Timing;
  evaluate: Timing;
  visibilityChecks: number;
  invisible: number;
};

/**
 * Lookups and evaluate on the big segment with the database settled first, and whether a key pushed through the
 * rudderstack cohort is visible to a lookup right after its 204.
 */
export async function timeLookups(setup: LookupSetup): Promise<LookupTimings> {
  const { db, base, token, clientSideId, amplitudeKeys, senders, post, log } = setup;
  log("vacuum and checkpoint…");
  const settleMs = await settleDatabase(db);
  log(`lookups and evaluate (after ${(settleMs / 1000).toFixed(1)} s of vacuum and checkpoint)…`);
  const lookupPath = (key: string) =>
    `/api/v2/segments/default/production/amplitude-bench-amplitude/contexts/${encodeURIComponent(key)}`;
  const loadHeaders = { Authorization: token };
  // Half members (spread over the segment by `stride`), half keys that are not in it.
  const lookupRequests = (count: number, stride: number, absentPrefix: string) =>
    Array.from({ length: count }, (_, index) => ({
      method: "GET" as const,
      path: lookupPath(
        index % 2 === 0
          ? (amplitudeKeys[(index * stride) % amplitudeKeys.length] ?? "")
          : `${absentPrefix}-${index}`,
      ),
    }));
  // Each measurement starts with untimed requests of other keys: the first few thousand requests after start-up run
  // before V8 has optimised the request path (in the app and in the fresh load process), and cost 2-3 times as much.
  const lookup = await runRequestLoad(
    base,
    loadHeaders,
    senders,
    lookupRequests(10_000, 7919, "absent"),
    lookupRequests(8000, 6007, "warm"),
  );
  const lookupSingle = await runRequestLoad(
    base,
    loadHeaders,
    1,
    lookupRequests(3000, 104_729, "none"),
    lookupRequests(2000, 5501, "warm-single"),
  );
  const evaluateRequests = (count: number, stride: number) =>
    Array.from({ length: count }, (_, index) => ({
      method: "POST" as const,
      path: "/api/v2/projects/default/environments/production/segments/evaluate",
      body: JSON.stringify({
        key: amplitudeKeys[(index * stride) % amplitudeKeys.length] ?? "",
        kind: "user",
      }),
    }));
  const evaluate = await runRequestLoad(
    base,
    loadHeaders,
    senders,
    evaluateRequests(3000, 104_729),
    evaluateRequests(2000, 4409),
  );
  let invisible = 0;
  const visibilityChecks = 200;
  for (let index = 0; index < visibilityChecks; index++) {
    const key = `visible-${index}-${randomBytes(6).toString("hex")}`;
    await post(
      "/api/v2/segment-targets/rudderstack",
      partnerAddBody("rudderstack", clientSideId, "bench-rudder", [key], "Bench rudderstack"),
    );
    const response = await fetchOnceMore(
      `${base}/api/v2/segments/default/production/rudderstack-bench-rudder/contexts/${key}`,
      {
        headers: { Authorization: token },
      },
    );
    const body = (await response.json()) as { included?: boolean };
    if (body.included !== true) invisible++;
  }
  return { lookup, lookupSingle, evaluate, visibilityChecks, invisible };
}
