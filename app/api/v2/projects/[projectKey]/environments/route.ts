import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { environmentCreateSchema } from "@/lib/schemas/environment";
import { projectListQuerySchema } from "@/lib/schemas/project";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { assertAccess, checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";
import { projectNotFound } from "@/lib/server/projects/project-not-found";
import { createEnvironment } from "@/lib/server/environments/create-environment";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";

export const GET = apiHandler<{ projectKey: string }>(
  async ({ req, params, principal }) => {
    const page = parseQuery(req.nextUrl, projectListQuerySchema);
    const project = await getVisibleProjectOrThrow(principal, params.projectKey);
    const items = project.environments.map((environment) => serializeEnvironment(project.key, environment));
    return json(
      toCollection(items.slice(page.offset, page.offset + page.limit), items.length, {
        url: req.nextUrl,
        ...page,
      }),
    );
  },
  { route: "GET /api/v2/projects/{projectKey}/environments" },
);

export const POST = apiHandler<{ projectKey: string }>(
  async ({ req, params, principal }) => {
    const input = environmentCreateSchema.parse(await readJsonBody(req));
    const project = await getProjectOrThrow(params.projectKey);
    const target = environmentResource(project, input);
    // Who may neither view the project nor create here learns nothing of it: the answer for a made-up key.
    if (
      !checkAccess(principal, "viewProject", projectResource(project)).allowed &&
      !checkAccess(principal, "createEnvironment", target).allowed
    ) {
      throw projectNotFound(params.projectKey);
    }
    assertAccess(principal, "createEnvironment", target);
    return json(await createEnvironment(principal, project, input), 201);
  },
  { route: "POST /api/v2/projects/{projectKey}/environments" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/projects/{projectKey}/environments",
  ["GET", "POST"],
);
