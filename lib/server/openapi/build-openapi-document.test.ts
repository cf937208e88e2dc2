import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

describe("buildOpenApiDocument", () => {
  it("documents the projects API with LaunchDarkly's error body", () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths ?? {})).toContain("/api/v2/projects/{projectKey}/environments");
    expect(document.components?.schemas).toHaveProperty("Error");
    expect(JSON.stringify(document)).toContain('"in":"path"');
  });
});
