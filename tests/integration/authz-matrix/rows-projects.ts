import { createEnvironment } from "@/lib/server/environments/create-environment";
import { createProject } from "@/lib/server/projects/create-project";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { unique } from "@/tests/factories/unique";
import { environmentParams } from "@/tests/integration/authz-matrix/fixtures";
import type { MatrixRow } from "@/tests/integration/authz-matrix/principals";

/** Projects and their environments, and evaluation in an environment. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const PROJECT_ROWS: readonly MatrixRow[] = [
  {
    route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production`,
      params: environmentParams(world),
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}",
    variant: "the other environment",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/test`,
      params: { projectKey: world.projectKey, environmentKey: "test" },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production/segments/evaluate`,
      params: environmentParams(world),
      body: { key: "m-1", kind: "user" },
    }),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 403",
  },
  {
    route: "GET /api/v2/projects/{projectKey}/environments",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/projects/{projectKey}/environments",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
      body: { key: unique("env"), name: "Staging" },
    }),
    expect: "401 401 401 401 | 403 404 404 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/projects/{projectKey}",
    request: ({ world }) => ({
      path: `/api/v2/projects/${world.projectKey}`,
      params: { projectKey: world.projectKey },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/projects",
    request: () => ({ path: "/api/v2/projects", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "POST /api/v2/projects",
    request: () => ({ path: "/api/v2/projects", params: {}, body: { key: unique("proj"), name: "New" } }),
    expect: "401 401 401 401 | 403 403 403 403 201 201 403 | 201 201 201 403 403 401 401 403",
  },
  {
    route: "DELETE /api/v2/projects/{projectKey}",
    request: async ({ world }) => {
      const { key } = await createProject(world.admin, { key: unique("gone"), name: "To delete" });
      return { path: `/api/v2/projects/${key}`, params: { projectKey: key } };
    },
    expect: "401 401 401 401 | 403 404 404 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/projects/{projectKey}/environments/{environmentKey}",
    request: async ({ world }) => {
      const project = await getProjectOrThrow(world.projectKey);
      const { key } = await createEnvironment(world.admin, project, {
        key: unique("gone"),
        name: "To delete",
      });
      return {
        path: `/api/v2/projects/${world.projectKey}/environments/${key}`,
        params: { projectKey: world.projectKey, environmentKey: key },
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
];
