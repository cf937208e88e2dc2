import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { projectCreateSchema, projectListQuerySchema } from "@/lib/schemas/project";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { assertAccess } from "@/lib/server/access/check-access";
import { projectResource } from "@/lib/server/access/resource-names";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const page = parseQuery(req.nextUrl, projectListQuerySchema);
    const { items, totalCount } = await listProjects(principal, page);
    return json(toCollection(items, totalCount, { url: req.nextUrl, ...page }));
  },
  { route: "GET /api/v2/projects" },
);

export const POST = apiHandler(
  async ({ req, principal }) => {
    const input = projectCreateSchema.parse(await readJsonBody(req));
    assertAccess(principal, "createProject", projectResource(input));
    return json(await createProject(principal, input), 201);
  },
  { route: "POST /api/v2/projects" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/projects", ["GET", "POST"]);
