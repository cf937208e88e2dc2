import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
