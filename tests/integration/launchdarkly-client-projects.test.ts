import { describe, expect, it } from "vitest";
import { createTestProject } from "@/tests/factories/projects";
import { unique } from "@/tests/factories/unique";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
const api = useLaunchDarklyClient("writer");
const models = launchDarklyModels();

describe("ProjectsApi through LaunchDarkly's client", () => {
  it("creates a project answering a ProjectRep (environments as an array), then reads it as a Project", async () => {
    const key = unique("ldproj");
    const created = await api.client.projects.postProject({
      key,
      name: "Client project",
      tags: ["team-a"],
      environments: [{ key: "staging", name: "Staging", color: "00AA00", tags: ["eu"] }],
    });
    expect(created.status).toBe(201);
    expect(models.check("ProjectRep", created.data)).toEqual([]);
    expect(created.data).toMatchObject({ key, name: "Client project", tags: ["team-a"] });
    expect(created.data.environments.map((environment) => environment.key)).toEqual(["staging"]);
    expect(created.data.environments[0]?.tags).toEqual(["eu"]);

    const read = await api.client.projects.getProject(key);
    expect(models.check("Project", read.data)).toEqual([]);
    expect(read.data.environments?.items.map((environment) => environment.key)).toEqual(["staging"]);

    const listed = await api.client.projects.getProjects(100);
    expect(models.check("Projects", listed.data)).toEqual([]);
    expect(listed.data.items.map((project) => project.key)).toContain(key);
  });

  it("accepts expand and LaunchDarkly's project filter and sort, and refuses what it would not apply", async () => {
    const expanded = await api.client.projects.getProjects(5, 0, undefined, undefined, "environments");
    expect(models.check("Projects", expanded.data)).toEqual([]);
    const filtered = await failureOf(api.client.projects.getProjects(5, 0, "query equals web"));
    expect(filtered.status).toBe(400);
    expect(filtered.body).toMatchObject({ message: expect.stringContaining("filter") });
    const searched = await api.client.projects.getProjects(5, 0, "query:e", "-name");
    expect(models.check("Projects", searched.data)).toEqual([]);
    expect((await failureOf(api.client.projects.getProjects(5, 0, undefined, "key"))).status).toBe(400);
    const { project } = await createTestProject();
    const sorted = await failureOf(
      api.client.environments.getEnvironmentsByProject(project.key, 5, 0, undefined, "name"),
    );
    expect(sorted.status).toBe(400);
    expect(sorted.body).toMatchObject({ message: expect.stringContaining("sort") });
  });

  it("answers an unknown project with 404", async () => {
    expect((await failureOf(api.client.projects.getProject(unique("missing")))).status).toBe(404);
  });
});

describe("EnvironmentsApi through LaunchDarkly's client", () => {
  it("creates, reads and lists environments, each fitting the client's Environment model", async () => {
    const { project } = await createTestProject();
    const created = await api.client.environments.postEnvironment(project.key, {
      key: "qa",
      name: "QA",
      color: "FF0000",
      tags: ["internal"],
    });
    expect(created.status).toBe(201);
    expect(models.check("Environment", created.data)).toEqual([]);
    expect(created.data).toMatchObject({ key: "qa", name: "QA", tags: ["internal"] });

    const read = await api.client.environments.getEnvironment(project.key, "qa");
    expect(models.check("Environment", read.data)).toEqual([]);
    expect(read.data).toMatchObject({ key: "qa", name: "QA", _id: created.data._id });
    // Tributary has no SDK keys: a fixed placeholder that is plainly not a key, never something that looks usable.
    expect(read.data.apiKey).toBe("not-available-in-tributary");
    expect(read.data.mobileKey).toBe("not-available-in-tributary");

    const listed = await api.client.environments.getEnvironmentsByProject(project.key);
    expect(models.check("Environments", listed.data)).toEqual([]);
    expect(listed.data.items.map((environment) => environment.key)).toEqual(["production", "test", "qa"]);
  });
});
