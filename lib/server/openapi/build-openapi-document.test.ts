import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

// That every route is documented follows from the document being built from the route objects
// (route-operations.test.ts) and from every route.ts adapting a route object (lib/server/routes/routes-declared-once.test.ts).
describe("buildOpenApiDocument", () => {
  it("is OpenAPI 3.1 with LaunchDarkly's error body", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.schemas).toHaveProperty("Error");
    expect(JSON.stringify(document)).toContain('"in":"path"');
  });

  it("documents the client-side SDK path Next.js serves beside the API", () => {
    expect(buildOpenApiDocument().paths).toHaveProperty("/sdk/goals/{clientSideId}");
  });
});
