import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as projectRoute from "@/app/api/v2/projects/[projectKey]/route";
import * as environmentsRoute from "@/app/api/v2/projects/[projectKey]/environments/route";
import * as environmentRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/route";
import * as evaluateRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate/route";
import * as segmentTagsRoute from "@/app/api/v2/segment-tags/[projectKey]/[environmentKey]/route";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as contextRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import * as membersRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/members/route";
import * as exportRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/members/export/route";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as segmentSyncsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/syncs/route";
import * as syncsRoute from "@/app/api/v2/syncs/route";
import { prisma } from "@/lib/server/db";
import * as syncStatsRoute from "@/app/api/v2/syncs/stats/route";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";

/**
 * The existence rule: a caller who may not view a resource (nor do what it asks) gets exactly the answer of a made-up key,
 * and a collection counts only what the caller may see.
 */

const SECRET_TAG = "secret-tag";

type Answer = { status: number; json: unknown };

/** Status and body without the request id, which differs per request; `rename` maps a made-up key to the real one. */
function comparable(answer: Answer, rename?: { from: string; to: string }) {
  const text = JSON.stringify(answer.json ?? null);
  const body = JSON.parse(rename ? text.replaceAll(rename.from, rename.to) : text) as unknown;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { status: answer.status, body };
  const { id: _id, ...rest } = body as Record<string, unknown>;
  return { status: answer.status, body: rest };
}

/** The caller gets for `realKey` exactly what it gets for a made-up key in its place: a 404. */
async function expectHidden(call: (key: string) => Promise<Answer>, realKey: string) {
  const madeUpKey = unique("made-up");
  const [real, madeUp] = [await call(realKey), await call(madeUpKey)];
  expect(madeUp.status).toBe(404);
  expect(comparable(real)).toEqual(comparable(madeUp, { from: madeUpKey, to: realKey }));
  return real;
}

let projectKey: string;
let segmentKey: string;
let outsider: string;
let writeOnly: string;
let oneEnvironment: string;
let testClientSideId: string;

beforeAll(async () => {
  const { project, production, environments } = await createTestProject({ tags: [SECRET_TAG] });
  projectKey = project.key;
  testClientSideId = environments.find((environment) => environment.key === "test")?.clientSideId ?? "";
  const segment = await createTestSegment(production, { tags: [SECRET_TAG], members: ["m-1"] });
  segmentKey = segment.key;
  // Everything in a project of its own, nothing here: it may not view anything of the project under test.
  const elsewhere = `proj/${unique("elsewhere")}`;
  outsider = await createTestPolicyToken([
    {
      effect: "allow",
      actions: ["*"],
      resources: [elsewhere, `${elsewhere}:env/*`, `${elsewhere}:env/*:segment/*`],
    },
  ]);
  writeOnly = await createTestPolicyToken([
    { effect: "allow", actions: ["updateName"], resources: ["proj/*:env/*:segment/*"] },
  ]);
  const environment = `proj/${projectKey}:env/production`;
  oneEnvironment = await createTestPolicyToken([
    {
      effect: "allow",
      actions: ["*"],
      resources: [`proj/${projectKey}`, environment, `${environment}:segment/*`],
    },
  ]);
});

describe("projects and environments", () => {
  it("GET /projects/{key}: a hidden project answers as a made-up one", async () => {
    await expectHidden(
      (key) =>
        callRoute(projectRoute.GET, {
          path: `/api/v2/projects/${key}`,
          params: { projectKey: key },
          token: outsider,
        }),
      projectKey,
    );
  });

  it("GET and POST /projects/{key}/environments: a hidden project answers as a made-up one", async () => {
    await expectHidden(
      (key) =>
        callRoute(environmentsRoute.GET, {
          path: `/api/v2/projects/${key}/environments`,
          params: { projectKey: key },
          token: outsider,
        }),
      projectKey,
    );
    await expectHidden(
      (key) =>
        callRoute(environmentsRoute.POST, {
          path: `/api/v2/projects/${key}/environments`,
          params: { projectKey: key },
          token: outsider,
          body: { key: "staging", name: "Staging" },
        }),
      projectKey,
    );
  });

  it("GET /projects/{key}/environments/{key}: a hidden environment answers as a made-up one", async () => {
    const get = (environmentKey: string, token = outsider) =>
      callRoute(environmentRoute.GET, {
        path: `/api/v2/projects/${projectKey}/environments/${environmentKey}`,
        params: { projectKey, environmentKey },
        token,
      });
    await expectHidden((key) => get(key), "production");
    await expectHidden((key) => get(key, oneEnvironment), "test");
  });

  it("GET /projects counts only the projects the caller may view", async () => {
    const answer = await callRoute(projectsRoute.GET, { path: "/api/v2/projects?limit=1", token: outsider });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ items: [], totalCount: 0 });
    expect(answer.json).not.toHaveProperty("_links.next");
  });

  it("a project's environments are only those the caller may view, client-side IDs included", async () => {
    const project = await callRoute(projectRoute.GET, {
      path: `/api/v2/projects/${projectKey}`,
      params: { projectKey },
      token: oneEnvironment,
    });
    expect(project.status).toBe(200);
    expect(project.json).toMatchObject({ environments: { totalCount: 1, items: [{ key: "production" }] } });
    const listed = await callRoute(environmentsRoute.GET, {
      path: `/api/v2/projects/${projectKey}/environments`,
      params: { projectKey },
      token: oneEnvironment,
    });
    expect(listed.json).toMatchObject({ totalCount: 1, items: [{ key: "production" }] });
    const all = await callRoute(projectsRoute.GET, {
      path: "/api/v2/projects?limit=100",
      token: oneEnvironment,
    });
    expect(all.json).toMatchObject({ totalCount: 1, items: [{ key: projectKey }] });
    for (const answer of [project, listed, all])
      expect(JSON.stringify(answer.json)).not.toContain(testClientSideId);
  });
});

describe("segments", () => {
  const segmentCall = (environmentKey: string, key: string, suffix = "") => ({
    path: `/api/v2/segments/${projectKey}/${environmentKey}/${key}${suffix}`,
    params: { projectKey, environmentKey, segmentKey: key },
    token: outsider,
  });
  const RENAME = [{ op: "replace", path: "/name", value: "x" }];
  const SEGMENT_CALLS: Record<string, (environmentKey: string, key: string) => Promise<Answer>> = {
    GET: (e, s) => callRoute(segmentRoute.GET, segmentCall(e, s)),
    PATCH: (e, s) => callRoute(segmentRoute.PATCH, { ...segmentCall(e, s), method: "PATCH", body: RENAME }),
    DELETE: (e, s) => callRoute(segmentRoute.DELETE, { ...segmentCall(e, s), method: "DELETE" }),
    "GET members": (e, s) => callRoute(membersRoute.GET, segmentCall(e, s, "/members")),
    "GET syncs": (e, s) => callRoute(segmentSyncsRoute.GET, segmentCall(e, s, "/syncs")),
    "GET members/export": (e, s) => callRoute(exportRoute.GET, segmentCall(e, s, "/members/export")),
    "POST imports": (e, s) =>
      callRoute(importsRoute.POST, { ...segmentCall(e, s, "/imports"), body: { mode: "merge" } }),
    "GET contexts/{key}": (e, s) =>
      callRoute(contextRoute.GET, {
        ...segmentCall(e, s, "/contexts/m-1"),
        params: { projectKey, environmentKey: e, segmentKey: s, contextKey: "m-1" },
      }),
    "POST contexts": (e, s) =>
      callRoute(contextsRoute.POST, {
        ...segmentCall(e, s, "/contexts"),
        body: { included: { add: ["k"] } },
      }),
  };

  it.each(Object.keys(SEGMENT_CALLS))(
    "%s: a hidden segment answers as a made-up one, in any environment",
    async (name) => {
      const call = SEGMENT_CALLS[name];
      if (!call) throw new Error(name);
      const real = await expectHidden((key) => call("production", key), segmentKey);
      // A made-up environment gets the segment's own 404 too: nothing tells which part of the path is missing.
      await expectHidden((key) => call(key, segmentKey), "production");
      expect(JSON.stringify(real.json)).not.toContain(SECRET_TAG);
    },
  );

  it("PATCH with a `test` op answers the same whatever the tested value, as for a made-up key", async () => {
    const patch = (key: string, version: number) =>
      callRoute(segmentRoute.PATCH, {
        ...segmentCall("production", key),
        method: "PATCH",
        body: [
          { op: "test", path: "/version", value: version },
          { op: "replace", path: "/name", value: "Renamed" },
        ],
      });
    const right = await expectHidden((key) => patch(key, 1), segmentKey);
    expect(comparable(await patch(segmentKey, 999))).toEqual(comparable(right));
    const testOnly = (key: string, value: string) =>
      callRoute(segmentRoute.PATCH, {
        ...segmentCall("production", key),
        method: "PATCH",
        body: [{ op: "test", path: "/key", value }],
      });
    const matching = await expectHidden((key) => testOnly(key, segmentKey), segmentKey);
    expect(comparable(await testOnly(segmentKey, "wrong"))).toEqual(comparable(matching));
  });

  it("a 403 to a caller who may do part of a patch but not view the segment names no tag", async () => {
    const answer = await callRoute(segmentRoute.PATCH, {
      ...segmentCall("production", segmentKey),
      token: writeOnly,
      method: "PATCH",
      body: [
        { op: "replace", path: "/name", value: "Renamed" },
        { op: "add", path: "/tags/-", value: "more" },
      ],
    });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.json)).not.toContain(SECRET_TAG);
  });

  it("a 403 to a sync tool that may change part of the membership but not view the segment names no tag", async () => {
    const excludeOnly = await createTestPolicyToken([
      { effect: "allow", actions: ["updateExcluded"], resources: ["proj/*:env/*:segment/*"] },
    ]);
    const answer = await callRoute(contextsRoute.POST, {
      ...segmentCall("production", segmentKey, "/contexts"),
      token: excludeOnly,
      body: { included: { add: ["k"] }, excluded: { add: ["k"] } },
    });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.json)).not.toContain(SECRET_TAG);
  });

  it("the environment's collections: a hidden environment answers as a made-up one", async () => {
    const environmentCall = (environmentKey: string) => ({
      path: `/api/v2/segments/${projectKey}/${environmentKey}`,
      params: { projectKey, environmentKey },
      token: outsider,
    });
    const calls: ((environmentKey: string) => Promise<Answer>)[] = [
      (e) => callRoute(segmentsRoute.GET, environmentCall(e)),
      (e) => callRoute(segmentsRoute.POST, { ...environmentCall(e), body: { key: "new-one", name: "New" } }),
      (e) =>
        callRoute(evaluateRoute.POST, {
          path: `/api/v2/projects/${projectKey}/environments/${e}/segments/evaluate`,
          params: { projectKey, environmentKey: e },
          token: outsider,
          body: { key: "m-1", kind: "user" },
        }),
      (e) =>
        callRoute(syncsRoute.GET, {
          path: `/api/v2/syncs?projectKey=${projectKey}&environmentKey=${e}`,
          token: outsider,
        }),
      (e) =>
        callRoute(syncStatsRoute.GET, {
          path: `/api/v2/syncs/stats?projectKey=${projectKey}&environmentKey=${e}`,
          token: outsider,
        }),
    ];
    for (const call of calls) await expectHidden(call, "production");
  });

  it("POST /segment-tags: hidden segments and environments answer as made-up ones, without their tags", async () => {
    const tag = (environmentKey: string, keys: string[]) =>
      callRoute(segmentTagsRoute.POST, {
        path: `/api/v2/segment-tags/${projectKey}/${environmentKey}`,
        params: { projectKey, environmentKey },
        token: outsider,
        body: { keys, add: ["vip"] },
      });
    const real = await expectHidden((key) => tag("production", [key]), segmentKey);
    await expectHidden((key) => tag(key, [segmentKey]), "production");
    expect(JSON.stringify(real.json)).not.toContain(SECRET_TAG);
  });
});

describe("the audit log", () => {
  it("shows and counts, for a caller with limited roles, only entries about what it may view", async () => {
    const hidden = await createTestProject();
    const limited = await createTestPolicyToken([
      { effect: "allow", actions: ["viewAuditLog"], resources: ["acct"] },
      { effect: "allow", actions: ["view*"], resources: [`proj/${projectKey}`, `proj/${projectKey}:env/*`] },
    ]);
    const reader = (await createTestToken({ role: "reader" })).value;
    const search = (q: string, token: string) =>
      callRoute(auditRoute.GET, { path: `/api/v2/auditlog?q=${encodeURIComponent(q)}`, token });
    // Creating a project audits the project and each of its two environments.
    expect(await search(projectKey, limited)).toMatchObject({ status: 200, json: { totalCount: 3 } });
    expect(await search(hidden.project.key, reader)).toMatchObject({ status: 200, json: { totalCount: 3 } });
    const refused = await search(hidden.project.key, limited);
    expect(refused).toMatchObject({ status: 200, json: { items: [], totalCount: 0 } });
  });
});

describe("sync runs", () => {
  it("show and count, for a caller who may not view every segment there, only runs that touched none it may not", async () => {
    const { project, production } = await createTestProject();
    const open = await createTestSegment(production, { key: unique("open"), members: ["m-1"] });
    const hidden = await createTestSegment(production, { tags: [SECRET_TAG], members: ["m-2"] });
    const environment = `proj/${project.key}:env/production`;
    const limited = await createTestPolicyToken([
      { effect: "allow", actions: ["viewEnvironment"], resources: [environment] },
      { effect: "allow", actions: ["viewSegment"], resources: [`${environment}:segment/${open.key}`] },
    ]);
    const reader = (await createTestToken({ role: "reader" })).value;
    const runs = (token: string) =>
      callRoute(syncsRoute.GET, {
        path: `/api/v2/syncs?projectKey=${project.key}&environmentKey=production`,
        token,
      });
    expect(await runs(reader)).toMatchObject({ status: 200, json: { totalCount: 2 } });
    const shown = await runs(limited);
    expect(shown).toMatchObject({ status: 200, json: { totalCount: 1, items: [{ segments: [open.key] }] } });
    expect(JSON.stringify(shown.json)).not.toContain(hidden.key);

    // One run can touch several cohorts' segments: a visible segment's history leaves out a run that names a hidden one.
    const startedAt = new Date();
    await prisma.syncRun.create({
      data: {
        environmentId: production.id,
        source: "amplitude",
        status: "succeeded",
        startedAt,
        segmentKeys: [open.key, hidden.key],
        segments: {
          create: [open, hidden].map((segment) => ({ segmentId: segment.id, startedAt })),
        },
      },
    });
    const history = (token: string) =>
      callRoute(segmentSyncsRoute.GET, {
        path: `/api/v2/segments/${project.key}/production/${open.key}/syncs`,
        params: { projectKey: project.key, environmentKey: "production", segmentKey: open.key },
        token,
      });
    expect(await history(reader)).toMatchObject({ status: 200, json: { totalCount: 2 } });
    const own = await history(limited);
    expect(own).toMatchObject({ status: 200, json: { totalCount: 1, items: [{ segments: [open.key] }] } });
    expect(JSON.stringify(own.json)).not.toContain(hidden.key);
  });
  it("per-hour stats count, for a caller who may not view every segment there, only runs that touched none it may not", async () => {
    const { project, production } = await createTestProject();
    const open = await createTestSegment(production, { key: unique("open"), members: ["m-1"] });
    await createTestSegment(production, { tags: [SECRET_TAG], members: ["m-2", "m-3"] });
    const environment = `proj/${project.key}:env/production`;
    const limited = await createTestPolicyToken([
      { effect: "allow", actions: ["viewEnvironment"], resources: [environment] },
      { effect: "allow", actions: ["viewSegment"], resources: [`${environment}:segment/${open.key}`] },
    ]);
    const reader = (await createTestToken({ role: "reader" })).value;
    const totals = async (token: string) => {
      const answer = await callRoute(syncStatsRoute.GET, {
        path: `/api/v2/syncs/stats?projectKey=${project.key}&environmentKey=production&hours=2`,
        token,
      });
      expect(answer.status).toBe(200);
      const { items } = answer.json as { items: { pushes: number; members: number }[] };
      return items.reduce(
        (sum, hour) => ({ pushes: sum.pushes + hour.pushes, members: sum.members + hour.members }),
        {
          pushes: 0,
          members: 0,
        },
      );
    };
    expect(await totals(reader)).toEqual({ pushes: 2, members: 3 });
    expect(await totals(limited)).toEqual({ pushes: 1, members: 1 });
  });
});
