import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";

export const GET = apiHandler<{ projectKey: string; environmentKey: string }>(
  async ({ params, principal }) => {
    const environment = await getVisibleEnvironmentOrThrow(
      principal,
      params.projectKey,
      params.environmentKey,
    );
    return json(serializeEnvironment(environment.project.key, environment));
  },
  { route: "GET /api/v2/projects/{projectKey}/environments/{environmentKey}" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/projects/{projectKey}/environments/{environmentKey}",
  ["GET"],
);
