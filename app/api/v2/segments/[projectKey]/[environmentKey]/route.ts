import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { segmentCreateSchema, segmentListQuerySchema } from "@/lib/schemas/segment";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { assertAccess, checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, segmentResource } from "@/lib/server/access/resource-names";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";
import { createSegment } from "@/lib/server/segments/create-segment";
import { listSegments } from "@/lib/server/segments/list-segments";

type Params = { projectKey: string; environmentKey: string };

export const GET = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const query = parseQuery(req.nextUrl, segmentListQuerySchema);
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    const { items, totalCount } = await listSegments(principal, environment, query);
    return json(
      toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
    );
  },
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}" },
);

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const input = segmentCreateSchema.parse(await readJsonBody(req));
    const environment = await getEnvironmentOrThrow(params.projectKey, params.environmentKey);
    const target = segmentResource(environment.project, environment, input);
    // Who may neither view the environment nor create here learns nothing of it: the answer for a made-up key.
    if (
      !checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment))
        .allowed &&
      !checkAccess(principal, "createSegment", target).allowed
    ) {
      throw environmentNotFound(params.projectKey, params.environmentKey);
    }
    assertAccess(principal, "createSegment", target);
    return json(await createSegment(principal, environment, input), 201);
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}",
  ["GET", "POST"],
);
