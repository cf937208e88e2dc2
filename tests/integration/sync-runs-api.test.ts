import { describe, expect, it } from "vitest";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import * as segmentSyncsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/syncs/route";
import * as syncsRoute from "@/app/api/v2/syncs/route";
import * as integrationsRoute from "@/app/api/v2/integrations/route";
import { syncRunCollectionSchema } from "@/lib/schemas/sync-run";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayload, buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

function hightouch(environmentId: string, cohortId: string, ids: string[], action: "add" | "remove" = "add") {
  const changes = action === "add" ? { add: ids } : { add: [], remove: ids };
  return buildPartnerPayloads(
    INTEGRATIONS.hightouch,
    { environmentId, cohortId, cohortName: cohortId },
    changes,
  )[0];
}

async function push(integrationKey: string, token: string, body: unknown) {
  const response = await callRoute(segmentTargetsRoute.POST, {
    path: `/api/v2/segment-targets/${integrationKey}`,
    params: { integrationKey },
    token,
    body,
  });
  return response.status;
}

/** Three hightouch runs on `one` (the last partially applied), one on `two`, one amplitude run, spread over time. */
async function setup() {
  const { project, production } = await createTestProject();
  const writer = await createTestToken({ role: "writer" });
  const env = production.clientSideId;
  expect(await push("hightouch", writer.value, hightouch(env, "one", ["a", "b"]))).toBe(204);
  expect(await push("hightouch", writer.value, hightouch(env, "one", ["b"], "remove"))).toBe(204);
  expect(await push("hightouch", writer.value, hightouch(env, "one", ["c", ""]))).toBe(204);
  expect(await push("hightouch", writer.value, hightouch(env, "two", ["x"]))).toBe(204);
  expect(
    await push(
      "amplitude",
      writer.value,
      buildPartnerPayload(INTEGRATIONS.amplitude, { environmentId: env, cohortId: "amp" }, ["z"]),
    ),
  ).toBe(204);
  const runs = await prisma.syncRun.findMany({
    where: { environmentId: production.id },
    orderBy: { id: "asc" },
  });
  // The runs are milliseconds apart: spread them a minute each, in the order they were made.
  const made = [...runs].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const base = Date.now() - 3_600_000;
  for (const [index, run] of made.entries()) {
    await prisma.syncRun.update({
      where: { id: run.id },
      data: { startedAt: new Date(base + index * 60_000) },
    });
  }
  const reader = await createTestToken({ role: "reader" });
  return { project, production, writer, reader, runIds: made.map((run) => run.id) };
}

describe("GET /api/v2/syncs", () => {
  it("lists an environment's runs newest first in the collection shape, serialized per api-contract §7", async () => {
    const { project, writer, reader, runIds } = await setup();
    const response = await callRoute(syncsRoute.GET, {
      path: `/api/v2/syncs?projectKey=${project.key}&environmentKey=production`,
      token: reader.value,
    });
    expect(response.status).toBe(200);
    const body = syncRunCollectionSchema.parse(response.json);
    expect(body.totalCount).toBe(5);
    expect(body.items.map((run) => run._id)).toEqual([...runIds].reverse());
    expect(body.items[4]).toEqual({
      _id: runIds[0],
      source: "hightouch",
      status: "succeeded",
      startedAt: expect.any(Number),
      durationMs: expect.any(Number),
      token: { _id: writer.token.id, name: writer.token.name, ending: writer.token.ending },
      member: null,
      segments: ["hightouch-one"],
      counts: { received: 2, added: 2, removed: 0, unchanged: 0, skipped: 0 },
      skipped: [],
      skippedTruncated: false,
      error: null,
      includedCountAfter: 2,
    });
    expect(body.items[2]).toMatchObject({
      status: "partially_applied",
      counts: { received: 2, added: 1, skipped: 1 },
      skipped: [{ id: "", reason: "empty" }],
    });
  });

  it("pages with limit and offset and filters by integration and status", async () => {
    const { project, reader, runIds } = await setup();
    const base = `/api/v2/syncs?projectKey=${project.key}&environmentKey=production`;
    const page = await callRoute(syncsRoute.GET, { path: `${base}&limit=2&offset=2`, token: reader.value });
    const body = syncRunCollectionSchema.parse(page.json);
    expect(body.items.map((run) => run._id)).toEqual([runIds[2], runIds[1]]);
    expect(body.totalCount).toBe(5);
    expect(body._links.next?.href).toContain("offset=4");
    expect(body._links.prev?.href).toContain("offset=0");

    const hightouchRuns = syncRunCollectionSchema.parse(
      (await callRoute(syncsRoute.GET, { path: `${base}&integration=hightouch`, token: reader.value })).json,
    );
    expect(hightouchRuns.totalCount).toBe(4);
    expect(hightouchRuns.items.every((run) => run.source === "hightouch")).toBe(true);
    const partial = syncRunCollectionSchema.parse(
      (await callRoute(syncsRoute.GET, { path: `${base}&status=partially_applied`, token: reader.value }))
        .json,
    );
    expect(partial.items.map((run) => run._id)).toEqual([runIds[2]]);
  });

  it("orders runs that started in the same millisecond by _id descending", async () => {
    const { project, production, reader, runIds } = await setup();
    const at = new Date();
    await prisma.syncRun.updateMany({ where: { environmentId: production.id }, data: { startedAt: at } });
    const body = syncRunCollectionSchema.parse(
      (
        await callRoute(syncsRoute.GET, {
          path: `/api/v2/syncs?projectKey=${project.key}&environmentKey=production`,
          token: reader.value,
        })
      ).json,
    );
    expect(body.items.map((run) => run._id)).toEqual([...runIds].sort().reverse());
  });

  it("answers 400 without projectKey or environmentKey or with a bad filter, 404 for an unknown environment", async () => {
    const { project, reader } = await setup();
    for (const query of [
      "",
      `?projectKey=${project.key}`,
      "?environmentKey=production",
      `?projectKey=${project.key}&environmentKey=production&status=done`,
      `?projectKey=${project.key}&environmentKey=production&limit=101`,
    ]) {
      expectError(
        await callRoute(syncsRoute.GET, { path: `/api/v2/syncs${query}`, token: reader.value }),
        400,
        "invalid_request",
      );
    }
    expectError(
      await callRoute(syncsRoute.GET, {
        path: `/api/v2/syncs?projectKey=${project.key}&environmentKey=nope`,
        token: reader.value,
      }),
      404,
      "not_found",
    );
  });

  it("answers 401 without a token, and without view access the 404 of an unknown environment", async () => {
    const { project } = await setup();
    const path = `/api/v2/syncs?projectKey=${project.key}&environmentKey=production`;
    expectError(await callRoute(syncsRoute.GET, { path }), 401, "unauthorized");
    const denied = await createTestToken({ role: "no_access" });
    expectError(await callRoute(syncsRoute.GET, { path, token: denied.value }), 404, "not_found");
  });
});

describe("GET /api/v2/segments/{p}/{e}/{s}/syncs", () => {
  function list(projectKey: string, segmentKey: string, token: string | null, query = "") {
    return callRoute(segmentSyncsRoute.GET, {
      path: `/api/v2/segments/${projectKey}/production/${segmentKey}/syncs${query}`,
      params: { projectKey, environmentKey: "production", segmentKey },
      token,
    });
  }

  it("lists only that segment's runs, newest first, with paging", async () => {
    const { project, reader, runIds } = await setup();
    const body = syncRunCollectionSchema.parse((await list(project.key, "hightouch-one", reader.value)).json);
    expect(body.items.map((run) => run._id)).toEqual([runIds[2], runIds[1], runIds[0]]);
    expect(body.items.map((run) => run.includedCountAfter)).toEqual([2, 1, 2]);
    const page = syncRunCollectionSchema.parse(
      (await list(project.key, "hightouch-one", reader.value, "?limit=1&offset=1")).json,
    );
    expect(page.items.map((run) => run._id)).toEqual([runIds[1]]);
    expect(page.totalCount).toBe(3);
  });

  it("includes a refused push as a failed run with its error", async () => {
    const { project, production } = await setup();
    const reader = await createTestToken({ role: "reader" });
    expect(await push("hightouch", reader.value, hightouch(production.clientSideId, "one", ["q"]))).toBe(403);
    const body = syncRunCollectionSchema.parse((await list(project.key, "hightouch-one", reader.value)).json);
    expect(body.totalCount).toBe(4);
    expect(body.items.find((run) => run.status === "failed")).toMatchObject({
      token: { _id: reader.token.id },
      error: { code: "forbidden", message: expect.stringContaining("updateIncluded") },
      counts: { received: 1, added: 0 },
      includedCountAfter: 2,
    });
  });

  it("answers 404 for an unknown segment, 401 without a token, 400 for a bad limit", async () => {
    const { project, reader } = await setup();
    expectError(await list(project.key, "nope", reader.value), 404, "not_found");
    expectError(await list(project.key, "hightouch-one", null), 401, "unauthorized");
    expectError(await list(project.key, "hightouch-one", reader.value, "?limit=0"), 400, "invalid_request");
  });
});

describe("GET /api/v2/integrations", () => {
  it("lists the eight integrations to any authenticated principal", async () => {
    const { value } = await createTestToken({ role: "no_access" });
    const response = await callRoute(integrationsRoute.GET, { path: "/api/v2/integrations", token: value });
    expect(response.status).toBe(200);
    const body = response.json as { items: { key: string }[] };
    expect(body.items.map((item) => item.key)).toEqual([
      "amplitude",
      "census-synced-segments",
      "heap-inbound",
      "hightouch",
      "rudderstack",
      "segment-audiences",
      "tealium-synced-segments",
      "zeotap",
    ]);
    expect(body.items[0]).toEqual({
      key: "amplitude",
      name: "Amplitude",
      mode: "A",
      docsUrl: expect.stringMatching(/^https:\/\//),
    });
    expectError(
      await callRoute(integrationsRoute.GET, { path: "/api/v2/integrations" }),
      401,
      "unauthorized",
    );
  });
});
