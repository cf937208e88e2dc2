import { createDocument } from "zod-openapi";
import { sdkOpenApiPaths } from "@/lib/server/openapi/operations-sdk";
import { routeOpenApiPaths } from "@/lib/server/openapi/route-operations";
import { API_ROUTE_OBJECTS } from "@/lib/server/routes";
import { API_VERSIONS } from "@/lib/server/versions/describe-api-versions";

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. */
export function buildOpenApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tributary API",
      version: "2.0.0",
      description: `LaunchDarkly-compatible API for synced segments. Send the access token in the Authorization header (with or without \`Bearer\`). An \`LD-API-Version\` header may name one of LaunchDarkly's versions (${API_VERSIONS.join(", ")}) or \`beta\`; all are served the same way, and any other value is a 400.`,
    },
    components: {
      securitySchemes: {
        ApiToken: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description:
            "An access token (Settings → Access tokens), as `Authorization: <token>` or `Authorization: Bearer <token>`.",
        },
      },
    },
    paths: {
      ...routeOpenApiPaths(API_ROUTE_OBJECTS),
      ...sdkOpenApiPaths,
    },
  });
  return cached;
}
