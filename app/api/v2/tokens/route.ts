import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { tokenCreateSchema, tokenListQuerySchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { createToken } from "@/lib/server/tokens/create-token";
import { listTokens } from "@/lib/server/tokens/list-tokens";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const query = parseQuery(req.nextUrl, tokenListQuerySchema);
    const { items, totalCount } = await listTokens(principal, query);
    return json(
      toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
    );
  },
  { route: "GET /api/v2/tokens" },
);

export const POST = apiHandler(
  async ({ req, principal }) => {
    const input = tokenCreateSchema.parse(await readJsonBody(req));
    return json(await createToken(principal, input), 201);
  },
  { route: "POST /api/v2/tokens" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/tokens", ["GET", "POST"]);
