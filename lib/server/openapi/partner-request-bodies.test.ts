import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { parsePartnerPayload } from "@/lib/server/sync/parse-partner-payload";

type Schema = { title?: string; type?: string; examples?: unknown[]; required?: string[] };

function partnerBodyContent(path: string) {
  const operation = buildOpenApiDocument().paths?.[path]?.post;
  const requestBody: unknown = operation?.requestBody;
  const content = JSON.parse(JSON.stringify(requestBody ?? null)) as {
    content?: { "application/json"?: { schema?: { oneOf?: Schema[] }; examples?: Record<string, unknown> } };
  } | null;
  return content?.content?.["application/json"];
}

describe("the partner endpoint's documented request body", () => {
  it.each(["/api/v2/segment-targets/{integrationKey}", "/api/v2/segment-target/{integrationKey}"])(
    "%s is a oneOf of the eight integrations' bodies, each with an example the parser accepts",
    (path) => {
      const json = partnerBodyContent(path);
      const variants = json?.schema?.oneOf ?? [];
      expect(variants).toHaveLength(8);
      const definitions = Object.values(INTEGRATIONS);
      expect(variants.map((variant) => variant.title)).toEqual(
        definitions.map((definition) => definition.name),
      );
      variants.forEach((variant, index) => {
        const definition = definitions[index];
        if (definition === undefined) throw new Error("one variant per integration");
        expect(variant.type).toBe("object");
        expect(variant.required?.length).toBeGreaterThan(0);
        expect(variant.examples?.length).toBeGreaterThan(0);
        for (const example of variant.examples ?? []) {
          const parsed = parsePartnerPayload(definition, example);
          expect(parsed.cohorts).toHaveLength(1);
        }
      });
      expect(Object.keys(json?.examples ?? {})).toHaveLength(
        variants.reduce((count, variant) => count + (variant.examples?.length ?? 0), 0),
      );
    },
  );
});
