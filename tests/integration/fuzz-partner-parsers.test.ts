import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/server/api/errors";
import { pgPool } from "@/lib/server/db";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { edgeCasesOf, hostileBodyText } from "@/tests/support/hostile-json";
import { PARTNER_PAYLOADS } from "@/tests/support/partner-payloads";
import { commitWithoutFlushing } from "@/tests/support/fast-commits";
import { installWriteProbe, readWriteCounts, writesBetween } from "@/tests/support/write-probe";

const RUNS_PER_INTEGRATION = 150;
const SEED = 0x7a1b;
/** api-contract §7: 100,000 members per request; one more must be refused. */
const OVER_MEMBER_CAP = 100_001;
const DEEP = 10_000;

/** Writes a refused push may make by design (api-contract §3: a refused push is recorded as a failed sync run). */
const FAILED_RUN_WRITES = new Set(["sync_run:INSERT", "sync_run_segment:INSERT"]);

type World = { projectKey: string; environmentId: string; clientSideId: string; token: string };

let world: World;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  await commitWithoutFlushing();
  const { project, production } = await createTestProject();
  const { value } = await createTestToken({ role: "writer" });
  world = {
    projectKey: project.key,
    environmentId: production.id,
    clientSideId: production.clientSideId,
    token: value,
  };
  await installWriteProbe();
});

afterAll(() => {
  // Checked once more after every property has run, in case a late one polluted it.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

async function succeededRuns(): Promise<number> {
  const result = await pgPool().query<{ n: string }>(
    `SELECT count(*) AS n FROM sync_run WHERE environment_id = $1 AND status <> 'failed'`,
    [world.environmentId],
  );
  return Number(result.rows[0]?.n ?? 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** LaunchDarkly's `{code, message, id}`, its code matching the status and its id the request id. */
function expectStandardError(response: { status: number; headers: Headers; json: unknown }) {
  const body = response.json;
  if (!isRecord(body)) throw new Error(`error body is not an object: ${JSON.stringify(body)}`);
  expect(Object.keys(body).sort()).toEqual(["code", "id", "message"]);
  expect(typeof body.message).toBe("string");
  expect(body.id).toBe(response.headers.get("x-request-id"));
  expect(API_ERROR_STATUS[body.code as ApiErrorCode]).toBe(response.status);
}

const HEAP_FAILURE_KEYS = new Set([
  "projectId",
  "environmentId",
  "segmentId",
  "segmentUrl",
  "status",
  "error",
]);

/** Heap's own failure body (api-contract §3): the code is the HTTP status, the ids are there where the push found them. */
function expectHeapError(response: { status: number; json: unknown }) {
  expect(response.json).toMatchObject({
    status: "failure",
    error: { message: expect.any(String), code: response.status },
  });
  if (!isRecord(response.json)) throw new Error("Heap's failure body is not an object");
  expect(Object.keys(response.json).filter((key) => !HEAP_FAILURE_KEYS.has(key))).toEqual([]);
}

function expectSaneSuccess(integrationKey: string, response: { status: number; json: unknown }) {
  if (integrationKey === "heap-inbound") {
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      projectId: world.projectKey,
      environmentId: "production",
      segmentId: expect.stringMatching(/^heap-inbound-[A-Za-z0-9._-]+$/),
      segmentUrl: expect.any(String),
      status: "success",
    });
  } else {
    expect(response.status).toBe(204);
    expect(response.json).toBeNull();
  }
}

/** Every segment's counter equals its member rows: no half-applied batch. */
async function expectCountersMatchRows() {
  const result = await pgPool().query<{ key: string; counted: number; rows: string }>(
    `SELECT s.key, s.included_count AS counted, (SELECT count(*) FROM segment_member m WHERE m.segment_id = s.id) AS rows
     FROM segment s WHERE s.environment_id = $1`,
    [world.environmentId],
  );
  for (const row of result.rows)
    expect({ key: row.key, count: Number(row.rows) }).toEqual({ key: row.key, count: row.counted });
}

/** Pushes one body and checks the answer; true when the refusal recorded a failed sync run. */
async function pushAndCheck(integrationKey: string, text: string): Promise<boolean> {
  const before = await readWriteCounts();
  const succeededBefore = await succeededRuns();
  const response = await callRoute(segmentTargetsRoute.POST, {
    path: `/api/v2/segment-targets/${integrationKey}`,
    params: { integrationKey },
    token: world.token,
    rawBody: text,
    headers: { "content-type": "application/json" },
  });
  const writes = writesBetween(before, await readWriteCounts());

  expect(response.status, JSON.stringify(response.json)).toBeLessThan(500);
  if (response.status < 300) {
    expectSaneSuccess(integrationKey, response);
    return false;
  }
  expect(response.status).toBeGreaterThanOrEqual(400);
  if (integrationKey === "heap-inbound") expectHeapError(response);
  else expectStandardError(response);
  // Nothing but a failed sync run, and only for the refusals that record one.
  for (const key of Object.keys(writes))
    expect(FAILED_RUN_WRITES, `${key} written by a ${response.status}`).toContain(key);
  if (Object.keys(writes).length === 0) return false;
  expect([400, 403]).toContain(response.status);
  expect(await succeededRuns()).toBe(succeededBefore);
  return true;
}

describe("POST /api/v2/segment-targets/{integrationKey} with hostile bodies", () => {
  it("has a valid payload for every integration", () => {
    expect(Object.keys(PARTNER_PAYLOADS).sort()).toEqual(Object.keys(INTEGRATIONS).sort());
  });

  it.each(Object.keys(INTEGRATIONS))(
    "%s answers 4xx with its error body and writes nothing for bad input, never 5xx",
    async (integrationKey) => {
      const payload = PARTNER_PAYLOADS[integrationKey];
      if (!payload) throw new Error(`no payload for ${integrationKey}`);
      const valid = [payload(world.clientSideId, "fuzz"), payload(world.clientSideId, "4242")];
      const validText = JSON.stringify(valid[0]);
      // The segment exists after the valid push; the same cohort as another context kind is refused (400) by design
      // with a failed sync run, the one write a refusal may make.
      const otherKind = validText.includes(':"user"')
        ? [validText, validText.replace(':"user"', ':"org"')]
        : [];
      const examples = [
        ...edgeCasesOf(valid[0], { depth: DEEP, overCap: OVER_MEMBER_CAP }),
        ...otherKind,
      ].map((text): [string] => [text]);
      let failedRuns = 0;
      await fc.assert(
        fc.asyncProperty(hostileBodyText(valid), async (text) => {
          if (await pushAndCheck(integrationKey, text)) failedRuns++;
        }),
        { seed: SEED, numRuns: RUNS_PER_INTEGRATION + examples.length, examples, endOnFailure: true },
      );
      if (otherKind.length > 0) expect(failedRuns).toBeGreaterThan(0);
      await expectCountersMatchRows();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
