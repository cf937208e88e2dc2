import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { projectResource } from "@/lib/server/access/resource-names";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { serializeProject } from "@/lib/server/projects/serialize-project";

export const GET = apiHandler<{ projectKey: string }>(
  async ({ params, principal }) => {
    const project = await getProjectOrThrow(params.projectKey);
    assertAccess(principal, "viewProject", projectResource(project));
    return json(serializeProject(project));
  },
  { route: "GET /api/v2/projects/{projectKey}" },
);
