import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { describeApiVersions } from "@/lib/server/versions/describe-api-versions";

// Any authenticated principal may read it: tools call it to check that their token is valid (401 when it is not).
export const GET = apiHandler(
  ({ req }) => Promise.resolve(json(describeApiVersions(req.headers.get("ld-api-version")))),
  { route: "GET /api/v2/versions" },
);

// As GET; the HTTP server sends no body with a HEAD answer.
export const HEAD = GET;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/versions", ["GET"]);
