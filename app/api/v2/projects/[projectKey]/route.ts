import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { deleteProject } from "@/lib/server/projects/delete-project";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";
import { serializeProject } from "@/lib/server/projects/serialize-project";

export const GET = apiHandler<{ projectKey: string }>(
  async ({ params, principal }) => {
    return json(serializeProject(await getVisibleProjectOrThrow(principal, params.projectKey)));
  },
  { route: "GET /api/v2/projects/{projectKey}" },
);

export const DELETE = apiHandler<{ projectKey: string }>(
  async ({ params, principal }) => {
    await deleteProject(principal, params.projectKey);
    return noContent();
  },
  { route: "DELETE /api/v2/projects/{projectKey}" },
);

export const { POST, PUT, PATCH, OPTIONS } = methodsNotAllowed("/api/v2/projects/{projectKey}", [
  "GET",
  "DELETE",
]);
