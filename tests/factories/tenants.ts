import { createTestProject } from "./projects";
import { createTestToken } from "./tokens";

/**
 * What most integration tests start from: a project of its own (with its environments) and an access token of `role`
 * (writer unless said), with the route params and the segments path of its production environment.
 */
export async function createTestTenant(options: { role?: string } = {}) {
  const { project, production, environments } = await createTestProject();
  const { value: token } = await createTestToken({ role: options.role ?? "writer" });
  return {
    project,
    production,
    environments,
    token,
    params: { projectKey: project.key, environmentKey: production.key },
    segmentsPath: `/api/v2/segments/${project.key}/${production.key}`,
  };
}

/** The route params and path of one segment of the tenant's production environment. */
export function segmentRoute(projectKey: string, segmentKey: string) {
  return {
    params: { projectKey, environmentKey: "production", segmentKey },
    path: `/api/v2/segments/${projectKey}/production/${segmentKey}`,
  };
}
