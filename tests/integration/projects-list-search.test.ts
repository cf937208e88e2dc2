import { beforeAll, describe, expect, it } from "vitest";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as environmentsRoute from "@/app/api/v2/projects/[projectKey]/environments/route";
import { MAX_PROJECT_FILTER_LENGTH } from "@/lib/schemas/project-filter";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

type Listed = { items: { key: string; name: string }[]; totalCount: number };

let marker = "";
let keys: Record<"alpha" | "bravo" | "charlie", string>;
let reader = "";

async function list(query: string, token = reader) {
  const path = `/api/v2/projects?${query}`;
  return callRoute(projectsRoute.GET, { path, token });
}

async function listed(query: string, token = reader): Promise<Listed> {
  const response = await list(query, token);
  expect(response.status).toBe(200);
  return response.json as Listed;
}

beforeAll(async () => {
  // Names out of creation order, so that sorting by name and by creation differ. The marker keeps other tests' out.
  marker = unique("wayfind");
  const made: Record<string, string> = {};
  for (const [label, name, tags] of [
    ["charlie", "Charlie", ["mobile"]],
    ["alpha", "alpha", ["web", "mobile"]],
    ["bravo", "Bravo", ["web"]],
  ] as const) {
    const { project } = await createTestProject({ tags: [...tags] });
    await prisma.project.update({ where: { id: project.id }, data: { name: `${marker} ${name}` } });
    made[label] = project.key;
  }
  keys = { alpha: made.alpha ?? "", bravo: made.bravo ?? "", charlie: made.charlie ?? "" };
  reader = (await createTestToken({ role: "reader" })).value;
});

describe("GET /api/v2/projects: search, sort and paging", () => {
  it("finds projects by part of their name or key, in any case", async () => {
    const byName = await listed(`filter=${encodeURIComponent(`query:${marker.toUpperCase()}`)}`);
    expect(byName.totalCount).toBe(3);
    const byKey = await listed(`filter=${encodeURIComponent(`query:${keys.bravo}`)}`);
    expect(byKey.items.map((project) => project.key)).toEqual([keys.bravo]);
    const none = await listed(`filter=${encodeURIComponent(`query:${marker}-nothing`)}`);
    expect(none).toMatchObject({ items: [], totalCount: 0 });
  });

  it("sorts by name or creation, either way, and pages within the match", async () => {
    const filter = `filter=${encodeURIComponent(`query:${marker}`)}`;
    const order = async (sort: string) =>
      (await listed(`${filter}&sort=${sort}`)).items.map((project) => project.key);
    expect(await order("name")).toEqual([keys.alpha, keys.bravo, keys.charlie]);
    expect(await order("-name")).toEqual([keys.charlie, keys.bravo, keys.alpha]);
    expect(await order("createdOn")).toEqual([keys.charlie, keys.alpha, keys.bravo]);
    expect(await order("-createdOn")).toEqual([keys.bravo, keys.alpha, keys.charlie]);
    const second = await listed(`${filter}&sort=name&limit=2&offset=2`);
    expect(second).toMatchObject({ totalCount: 3, items: [{ key: keys.charlie }] });
  });

  it("takes LaunchDarkly's tags (all of) and keys (any of) clauses", async () => {
    const query = `query:${marker}`;
    const tagged = await listed(`filter=${encodeURIComponent(`${query},tags:web+MOBILE`)}&sort=name`);
    expect(tagged.items.map((project) => project.key)).toEqual([keys.alpha]);
    const named = await listed(
      `filter=${encodeURIComponent(`keys:${keys.bravo}|${keys.charlie}`)}&sort=name`,
    );
    expect(named.items.map((project) => project.key)).toEqual([keys.bravo, keys.charlie]);
  });

  it("counts only the projects the caller may view", async () => {
    const oneProject = await createTestPolicyToken([
      { effect: "allow", actions: ["*"], resources: [`proj/${keys.bravo}`] },
    ]);
    const seen = await listed(`filter=${encodeURIComponent(`query:${marker}`)}`, oneProject);
    expect(seen).toMatchObject({ totalCount: 1, items: [{ key: keys.bravo }] });
  });

  it.each([
    ["filter=query", "a clause without a value"],
    ["filter=name:x", "a field it cannot filter on"],
    ["filter=query%3A", "an empty value"],
    [`filter=query:${"x".repeat(MAX_PROJECT_FILTER_LENGTH)}`, "a filter over the limit"],
    ["sort=key", "a sort field it does not have"],
  ])("refuses %s (%s) with 400 naming the parameter", async (query) => {
    const response = await list(query);
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toMatch(/filter|sort/);
  });

  it("answers 401 without a token, and a search over projects the caller may not view finds nothing", async () => {
    expectError(
      await callRoute(projectsRoute.GET, { path: "/api/v2/projects?sort=name" }),
      401,
      "unauthorized",
    );
    const elsewhere = `proj/${unique("elsewhere")}`;
    const outsider = await createTestPolicyToken([
      { effect: "allow", actions: ["*"], resources: [elsewhere] },
    ]);
    const seen = await listed(`filter=${encodeURIComponent(`query:${marker}`)}`, outsider);
    expect(seen).toMatchObject({ totalCount: 0, items: [] });
  });

  it("keeps refusing a filter or sort on the environment list, which it would not apply", async () => {
    const { project } = await createTestProject();
    const path = `/api/v2/projects/${project.key}/environments`;
    for (const query of ["sort=name", "filter=query:x"]) {
      expectError(
        await callRoute(environmentsRoute.GET, {
          path: `${path}?${query}`,
          params: { projectKey: project.key },
          token: reader,
        }),
        400,
        "invalid_request",
      );
    }
  });
});
