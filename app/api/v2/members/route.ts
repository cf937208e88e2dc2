import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { memberCreateSchema, memberListQuerySchema } from "@/lib/schemas/member";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { createMember } from "@/lib/server/members/create-member";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const page = parseQuery(req.nextUrl, memberListQuerySchema);
    const { items, totalCount } = await listMembers(principal, page);
    return json(toCollection(items, totalCount, { url: req.nextUrl, ...page }));
  },
  { route: "GET /api/v2/members" },
);

export const POST = apiHandler(
  async ({ req, principal }) => {
    const input = memberCreateSchema.parse(await readJsonBody(req));
    return json(await createMember(principal, input), 201);
  },
  { route: "POST /api/v2/members" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/members", ["GET", "POST"]);
