import { describe, expect, it } from "vitest";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as lookupRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import { prisma } from "@/lib/server/db";
import { rejectedPushQueue } from "@/lib/server/rejected-pushes/rejected-push-queue";
import {
  MAX_REJECTED_PUSH_ROWS_PER_MINUTE,
  REJECTED_PUSH_RETENTION_DAYS,
} from "@/lib/server/rejected-pushes/rejected-push-limits";
import { createTestTenant } from "@/tests/factories/tenants";
import { callRoute } from "@/tests/support/call-route";

const DAY_MS = 24 * 60 * 60 * 1000;
const BAD_TOKEN = "api-00000000-0000-4000-8000-000000000001";

function refusedContexts(projectKey: string) {
  return callRoute(contextsRoute.POST, {
    path: `/api/v2/segments/${projectKey}/production/beta/contexts`,
    params: { projectKey, environmentKey: "production", segmentKey: "beta" },
    token: BAD_TOKEN,
    body: { included: { add: ["a"] } },
  });
}

function oldRow(environmentId: string, ageDays: number) {
  const at = new Date(Date.now() - ageDays * DAY_MS);
  return {
    environmentId,
    integrationKey: "amplitude",
    status: 400,
    reasonCode: "invalid_request",
    message: `${ageDays} days old`,
    firstAt: at,
    lastAt: at,
  };
}

describe("the rejected-push store stays bounded", () => {
  // First in this file: the process's first recording is due to delete expired rows.
  it(`deletes rows older than ${REJECTED_PUSH_RETENTION_DAYS} days when it records, and keeps younger ones`, async () => {
    const { production, project } = await createTestTenant();
    await prisma.rejectedPush.createMany({
      data: [oldRow(production.id, REJECTED_PUSH_RETENTION_DAYS + 1), oldRow(production.id, 6)],
    });
    expect((await refusedContexts(project.key)).status).toBe(401);
    await rejectedPushQueue.flush();
    const messages = (await prisma.rejectedPush.findMany({ where: { environmentId: production.id } })).map(
      (row) => row.message,
    );
    expect(messages.sort()).toEqual(["6 days old", "Invalid access token"]);
  });

  it("a flood of 10,000 bad requests writes a bounded number of rows whose counts add up to 10,000", async () => {
    const { production, project } = await createTestTenant();
    const FLOOD = 10_000;
    const CONCURRENCY = 50;
    const inBatches = async (total: number, send: () => Promise<{ status: number }>) => {
      const began = performance.now();
      for (let sent = 0; sent < total; sent += CONCURRENCY) {
        const answers = await Promise.all(Array.from({ length: CONCURRENCY }, send));
        expect(answers.every((answer) => answer.status === 401)).toBe(true);
      }
      return performance.now() - began;
    };
    // For comparison: the same refusal (401) on a route that records nothing, the membership lookup.
    const BASELINE = 1_000;
    const baselineMs = await inBatches(BASELINE, () =>
      callRoute(lookupRoute.GET, {
        path: `/api/v2/segments/${project.key}/production/beta/contexts/a`,
        params: {
          projectKey: project.key,
          environmentKey: "production",
          segmentKey: "beta",
          contextKey: "a",
        },
        token: BAD_TOKEN,
      }),
    );
    const started = performance.now();
    const answeredMs = await inBatches(FLOOD, () => refusedContexts(project.key));
    await rejectedPushQueue.flush();
    const writtenMs = performance.now() - started;
    const rows = await prisma.rejectedPush.findMany({ where: { environmentId: production.id } });
    const minutes = new Set(rows.map((row) => Math.floor(row.firstAt.getTime() / 60_000))).size;
    console.info(
      `flood: ${FLOOD} refusals answered in ${Math.round(answeredMs)} ms (${(answeredMs / FLOOD).toFixed(3)} ms ` +
        `each; ${(baselineMs / BASELINE).toFixed(3)} ms each on a route that records nothing), all written after ` +
        `${Math.round(writtenMs)} ms, ${rows.length} rows over ${minutes} minute(s)`,
    );
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(FLOOD);
    // More refusals than the rate lets into rows of their own: some went into a minute's aggregate row.
    expect(rows.some((row) => row.bucketKey !== null)).toBe(true);
    // However slow the machine, the flood spans at most this many minutes, each with its rows of its own and one aggregate.
    expect(minutes).toBeLessThanOrEqual(Math.floor(writtenMs / 60_000) + 2);
    expect(rows.length).toBeLessThanOrEqual((MAX_REJECTED_PUSH_ROWS_PER_MINUTE + 1) * minutes);
    expect(rows.filter((row) => row.bucketKey === null).length).toBeLessThanOrEqual(
      MAX_REJECTED_PUSH_ROWS_PER_MINUTE * minutes,
    );
  }, 240_000);
});
