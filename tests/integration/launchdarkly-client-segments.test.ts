import { describe, expect, it } from "vitest";
import type { PatchWithComment } from "launchdarkly-api-typescript";
import { createTestProject } from "@/tests/factories/projects";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
const api = useLaunchDarklyClient("writer");
const models = launchDarklyModels();

const SEMANTIC_PATCH = {
  headers: { "Content-Type": "application/json; domain-model=launchdarkly.semanticpatch" },
};

describe("SegmentsApi through LaunchDarkly's client", () => {
  it("creates, reads, patches (JSON and semantic) and deletes a segment, each answer fitting UserSegment", async () => {
    const { project } = await createTestProject();
    const segments = api.client.segments;
    const created = await segments.postSegment(project.key, "production", {
      key: "beta-users",
      name: "Beta users",
      description: "Early adopters",
      tags: ["beta"],
      unbounded: true,
      unboundedContextKind: "user",
    });
    expect(created.status).toBe(201);
    expect(models.check("UserSegment", created.data)).toEqual([]);
    expect(created.data).toMatchObject({
      key: "beta-users",
      name: "Beta users",
      tags: ["beta"],
      unbounded: true,
    });

    const read = await segments.getSegment(project.key, "production", "beta-users");
    expect(models.check("UserSegment", read.data)).toEqual([]);
    expect(read.data).toMatchObject({ description: "Early adopters", version: created.data.version });

    const jsonPatched = await segments.patchSegment(project.key, "production", "beta-users", {
      comment: "rename",
      patch: [{ op: "replace", path: "/name", value: "Beta testers" }],
    });
    expect(models.check("UserSegment", jsonPatched.data)).toEqual([]);
    expect(jsonPatched.data.name).toBe("Beta testers");

    const semantic = {
      comment: "tag it",
      instructions: [{ kind: "addTags", values: ["vip"] }],
    } as unknown as PatchWithComment;
    const semanticPatched = await segments.patchSegment(
      project.key,
      "production",
      "beta-users",
      semantic,
      SEMANTIC_PATCH,
    );
    expect(models.check("UserSegment", semanticPatched.data)).toEqual([]);
    expect(semanticPatched.data.tags).toEqual(["beta", "vip"]);

    expect((await segments.deleteSegment(project.key, "production", "beta-users")).status).toBe(204);
    expect((await failureOf(segments.getSegment(project.key, "production", "beta-users"))).status).toBe(404);
  });

  it("updates big segment targets and answers memberships fitting BigSegmentTarget", async () => {
    const { project } = await createTestProject();
    const segments = api.client.segments;
    await segments.postSegment(project.key, "production", { key: "big", name: "Big", unbounded: true });
    const updated = await segments.updateBigSegmentContextTargets(project.key, "production", "big", {
      included: { add: ["ctx-1", "ctx-2"] },
      excluded: { add: ["ctx-3"] },
    });
    expect(updated.status).toBe(204);
    await segments.updateBigSegmentTargets(project.key, "production", "big", {
      included: { remove: ["ctx-2"] },
    });

    const member = await segments.getSegmentMembershipForContext(project.key, "production", "big", "ctx-1");
    expect(models.check("BigSegmentTarget", member.data)).toEqual([]);
    expect(member.data).toMatchObject({ included: true, excluded: false });
    const excluded = await segments.getSegmentMembershipForContext(project.key, "production", "big", "ctx-3");
    expect(excluded.data).toMatchObject({ included: false, excluded: true });
    const removed = await segments.getSegmentMembershipForContext(project.key, "production", "big", "ctx-2");
    expect(models.check("BigSegmentTarget", removed.data)).toEqual([]);
    expect(removed.data).toMatchObject({ included: false, excluded: false });

    // LaunchDarkly's older, user-keyed path answers the same.
    const byUser = await segments.getSegmentMembershipForUser(project.key, "production", "big", "ctx-1");
    expect(models.check("BigSegmentTarget", byUser.data)).toEqual([]);
    expect(byUser.data).toEqual(member.data);

    const evaluated = await segments.getContextInstanceSegmentsMembershipByEnv(project.key, "production", {
      key: "ctx-1",
      kind: "user",
    });
    expect(models.check("ContextInstanceSegmentMemberships", evaluated.data)).toEqual([]);
    expect(evaluated.data.items).toEqual([
      expect.objectContaining({ key: "big", isMember: true, description: "", external: "" }),
    ]);
  });
});

describe("getSegments filters and sorts in LaunchDarkly's syntax", () => {
  async function seeded() {
    const { project } = await createTestProject();
    const create = (key: string, name: string, tags: string[], unbounded: boolean) =>
      api.client.segments.postSegment(project.key, "production", { key, name, tags, unbounded });
    await create("toggle-a", "Toggle", ["web"], true);
    await create("zeta", "Zeta", ["mobile"], false);
    await create("alpha", "Alpha", ["web", "mobile"], false);
    await create("gamma", "Toggle", [], true);
    return project.key;
  }

  it.each([
    ['query equals "toggle"', ["gamma", "toggle-a"]],
    ['tags anyOf ["web","mobile"]', ["alpha", "toggle-a", "zeta"]],
    ['tags anyOf ["mobile"]|unbounded equals true', ["alpha", "gamma", "toggle-a", "zeta"]],
    ['tags anyOf ["web"],unbounded equals false', ["alpha"]],
    ['(query equals "zeta"|query equals "alpha"),tags anyOf [web]', ["alpha"]],
    ['includedKeys anyOf ["zeta","gamma"]', ["gamma", "zeta"]],
    ['excludedKeys anyOf ["zeta","gamma"]', ["alpha", "toggle-a"]],
    ['query equals ["zeta","alpha"]', ["alpha", "zeta"]],
  ])("filter=%s", async (filter, expected) => {
    const projectKey = await seeded();
    const listed = await api.client.segments.getSegments(projectKey, "production", 50, 0, "name", filter);
    expect(models.check("UserSegments", listed.data)).toEqual([]);
    expect(listed.data.items.map((segment) => segment.key).sort()).toEqual(expected);
    expect(listed.data.totalCount).toBe(expected.length);
  });

  it("sorts by several fields: sort=-name,creationDate", async () => {
    const projectKey = await seeded();
    const listed = await api.client.segments.getSegments(
      projectKey,
      "production",
      50,
      0,
      "-name,creationDate",
    );
    expect(listed.data.items.map((segment) => segment.key)).toEqual(["zeta", "toggle-a", "gamma", "alpha"]);
  });

  it.each([
    ["color equals red", /unknown field "color"/],
    ['query equals "open', /never closed/],
    ["tags contains [a]", /tags anyOf/],
    ["external equals", /value is missing/],
  ])("answers a filter it cannot evaluate with 400 naming the clause: %s", async (filter, message) => {
    const projectKey = await seeded();
    const failed = await failureOf(
      api.client.segments.getSegments(projectKey, "production", 50, 0, "name", filter),
    );
    expect(failed.status).toBe(400);
    expect(failed.body).toMatchObject({ code: "invalid_request", message: expect.stringMatching(message) });
  });

  it("answers an unknown sort field with 400", async () => {
    const projectKey = await seeded();
    const failed = await failureOf(
      api.client.segments.getSegments(projectKey, "production", 50, 0, "name,key"),
    );
    expect(failed.status).toBe(400);
  });
});
