import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { deleteEnvironment } from "@/lib/server/environments/delete-environment";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
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

export const DELETE = apiHandler<{ projectKey: string; environmentKey: string }>(
  async ({ params, principal }) => {
    await deleteEnvironment(principal, await getProjectOrThrow(params.projectKey), params.environmentKey);
    return noContent();
  },
  { route: "DELETE /api/v2/projects/{projectKey}/environments/{environmentKey}" },
);

export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed(
  "/api/v2/projects/{projectKey}/environments/{environmentKey}",
  ["GET", "DELETE"],
);
