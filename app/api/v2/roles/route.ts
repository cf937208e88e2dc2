import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { roleCreateSchema, roleListQuerySchema } from "@/lib/schemas/role";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { createRole } from "@/lib/server/roles/create-role";
import { listRoles } from "@/lib/server/roles/list-roles";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const page = parseQuery(req.nextUrl, roleListQuerySchema);
    const { items, totalCount } = await listRoles(principal, page);
    return json(toCollection(items, totalCount, { url: req.nextUrl, ...page }));
  },
  { route: "GET /api/v2/roles" },
);

export const POST = apiHandler(
  async ({ req, principal }) => {
    const input = roleCreateSchema.parse(await readJsonBody(req));
    return json(await createRole(principal, input), 201);
  },
  { route: "POST /api/v2/roles" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/roles", ["GET", "POST"]);
