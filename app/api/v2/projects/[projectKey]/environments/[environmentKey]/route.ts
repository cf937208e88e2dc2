import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { environmentResource } from "@/lib/server/access/resource-names";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";

export const GET = apiHandler<{ projectKey: string; environmentKey: string }>(
  async ({ params, principal }) => {
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    assertAccess(principal, "viewEnvironment", environmentResource(environment.project, environment));
    return json(serializeEnvironment(environment.project.key, environment));
  },
  { route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}" },
);
