import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { parsePartnerPayload } from "@/lib/server/sync/parse-partner-payload";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";
import { examplePayload } from "@/tests/support/parse-partner-helpers";

describe("parsePartnerPayload: never throws anything but PartnerPayloadError", () => {
  function expectParsesOrRejects(integration: IntegrationDefinition, body: unknown): void {
    try {
      const push = parsePartnerPayload(integration, body);
      expect(typeof push.environmentId).toBe("string");
    } catch (error) {
      if (!(error instanceof PartnerPayloadError)) throw error;
    }
  }

  const integrations = Object.values(INTEGRATIONS);

  it("for any JSON value as the body", () => {
    fc.assert(
      fc.property(fc.constantFrom(...integrations), fc.jsonValue(), (integration, body) => {
        expectParsesOrRejects(integration, body);
      }),
      { numRuns: 2000 },
    );
  });

  type Path = readonly (string | number)[];

  function pathsOf(value: unknown, prefix: Path = []): Path[] {
    const children: Path[] = [];
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => children.push(...pathsOf(item, [...prefix, index])));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) children.push(...pathsOf(item, [...prefix, key]));
    }
    return [prefix, ...children];
  }

  function replaceAt(value: unknown, at: Path, replacement: unknown): unknown {
    const [head, ...rest] = at;
    if (head === undefined) return replacement;
    if (Array.isArray(value) && typeof head === "number") {
      return value.map((item: unknown, index) =>
        index === head ? replaceAt(item, rest, replacement) : item,
      );
    }
    if (typeof value === "object" && value !== null && typeof head === "string") {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          key === head ? replaceAt(item, rest, replacement) : item,
        ]),
      );
    }
    return value;
  }

  it("for an example payload with parts replaced by any JSON value", () => {
    const cases = integrations.map((integration) => {
      const example = examplePayload(integration.key);
      return { integration, example, paths: pathsOf(example) };
    });
    fc.assert(
      fc.property(
        fc
          .constantFrom(...cases)
          .chain(({ integration, example, paths }) =>
            fc.tuple(
              fc.constant(integration),
              fc.constant(example),
              fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
            ),
          ),
        ([integration, example, replacements]) => {
          const body = replacements.reduce<unknown>(
            (value, [at, json]) => replaceAt(value, at, json),
            example,
          );
          expectParsesOrRejects(integration, body);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
