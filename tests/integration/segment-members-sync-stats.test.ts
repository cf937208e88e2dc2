import { describe, expect, it } from "vitest";
import * as statsRoute from "@/app/api/v2/syncs/stats/route";
import type { SyncStats } from "@/lib/schemas/sync-stats";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

const HOUR = 3_600_000;

function startOfHour(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}

async function run(environmentId: string, startedAt: Date, received: number, status = "succeeded") {
  await prisma.syncRun.create({ data: { environmentId, source: "amplitude", status, startedAt, received } });
}

function stats(query: string, token: string | null) {
  return callRoute(statsRoute.GET, { path: `/api/v2/syncs/stats?${query}`, token });
}

describe("GET /api/v2/syncs/stats", () => {
  it("counts pushes, members and failures per UTC hour, every hour present, oldest first", async () => {
    const { project, production, environments } = await createTestProject();
    const { value: reader } = await createTestToken({ role: "reader" });
    const now = Date.now();
    const thisHour = startOfHour(now);
    await run(production.id, new Date(now), 10);
    await run(production.id, new Date(thisHour), 5, "failed");
    await run(production.id, new Date(thisHour - 2 * HOUR + 60_000), 7, "partially_applied");
    await run(production.id, new Date(thisHour - 5 * HOUR), 100);
    const other = environments.find((environment) => environment.key !== "production");
    if (!other) throw new Error("the factory makes two environments");
    await run(other.id, new Date(now), 1_000);

    const response = await stats(`projectKey=${project.key}&environmentKey=production&hours=4`, reader);
    expect(response.status).toBe(200);
    const { items } = response.json as SyncStats;
    expect(items).toEqual([
      { hour: thisHour - 3 * HOUR, pushes: 0, members: 0, failures: 0 },
      { hour: thisHour - 2 * HOUR, pushes: 1, members: 7, failures: 0 },
      { hour: thisHour - HOUR, pushes: 0, members: 0, failures: 0 },
      { hour: thisHour, pushes: 2, members: 15, failures: 1 },
    ]);

    const day = (await stats(`projectKey=${project.key}&environmentKey=production`, reader))
      .json as SyncStats;
    expect(day.items).toHaveLength(48);
    expect(day.items.reduce((total, hour) => total + hour.pushes, 0)).toBe(4);
  });

  it.each([["hours=0"], ["hours=169"], ["hours=two"]])("answers 400 for %s", async (query) => {
    const { project } = await createTestProject();
    const { value } = await createTestToken({ role: "reader" });
    expectError(
      await stats(`projectKey=${project.key}&environmentKey=production&${query}`, value),
      400,
      "invalid_request",
    );
  });

  it("answers 400 without the environment, 401 without a token, 404 when unknown and, the same, without viewEnvironment", async () => {
    const { project } = await createTestProject();
    const { value: reader } = await createTestToken({ role: "reader" });
    expectError(await stats(`projectKey=${project.key}`, reader), 400, "invalid_request");
    expectError(
      await stats(`projectKey=${project.key}&environmentKey=production`, null),
      401,
      "unauthorized",
    );
    const { value: segmentsOnly } = await createTestToken({
      role: null,
      policy: [{ effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*"] }],
    });
    expectError(
      await stats(`projectKey=${project.key}&environmentKey=production`, segmentsOnly),
      404,
      "not_found",
    );
    expectError(await stats(`projectKey=${project.key}&environmentKey=nope`, reader), 404, "not_found");
  });
});
