import type { oas31, ZodOpenApiRequestBodyObject } from "zod-openapi";
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { isRecord } from "@/lib/server/sync/json-pointer";

type JsonSchema = oas31.SchemaObject;

/** The cohort every documented example is about; the environment id stands for a real environment's client-side ID. */
const EXAMPLE_COHORT = {
  environmentId: "5f3a9c0e1b2d4e6f8a7b9c0d",
  cohortId: "power-users",
  cohortName: "Power users",
  cohortUrl: "https://analytics.example.com/cohorts/power-users",
};

const EXAMPLE_CHANGES = { add: ["user-1001", "user-1002"], remove: ["user-0999"] };

/** A tool with a batch-wide action sends its adds and its removes as two bodies, in this order. */
const EXAMPLE_ACTIONS = ["add", "remove"];

/** The schema a value has: objects list their properties (all required), arrays their first item's schema. */
function schemaOf(value: unknown): JsonSchema {
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    return items.length > 0 ? { type: "array", items: schemaOf(items[0]) } : { type: "array" };
  }
  if (isRecord(value)) {
    const properties = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, schemaOf(item)]));
    return { type: "object", properties, required: Object.keys(value) };
  }
  if (value === null) return { type: "null" };
  if (typeof value === "string") return { type: "string" };
  if (typeof value === "number") return { type: "number" };
  if (typeof value === "boolean") return { type: "boolean" };
  return {};
}

function code(pointer: string): string {
  return `\`${pointer}\``;
}

function membersDescription(definition: IntegrationDefinition): string {
  switch (definition.mode) {
    case "A":
      return `One item per member in ${code(definition.members.array)}: ${code(definition.members.value)} \`true\` adds the member, \`false\` removes it.`;
    case "B":
      return `Members to add in ${code(definition.members.add)}, members to remove in ${code(definition.members.remove)}.`;
    case "C":
      return (
        `One list of members in ${code(definition.members.array)}; ${code(definition.members.action)} ` +
        `\`${definition.members.addAction}\` adds them, \`${definition.members.removeAction}\` removes them (one body per action).`
      );
  }
}

/** One integration's body, its schema and examples built from its definition (the same pointers the parser reads). */
function integrationBody(definition: IntegrationDefinition) {
  const examples = buildPartnerPayloads(definition, EXAMPLE_COHORT, EXAMPLE_CHANGES);
  const schema: JsonSchema = {
    title: definition.name,
    description:
      `${definition.name}'s body, sent to \`/api/v2/segment-targets/${definition.key}\`. ` +
      `${membersDescription(definition)} Member ids are context keys; the environment is named by its client-side ID.`,
    ...schemaOf(examples[0]),
    examples,
  };
  return { definition, schema, examples };
}

/**
 * The partner endpoint's request body: a `oneOf` of every integration's own payload, each with its examples, so the
 * documentation lists what each tool sends rather than "any object".
 */
export function partnerRequestBody(): ZodOpenApiRequestBodyObject {
  const bodies = Object.values(INTEGRATIONS).map(integrationBody);
  return {
    description:
      "The tool's own payload, as it sends it to LaunchDarkly; which one is chosen by `{integrationKey}` " +
      "(GET /api/v2/integrations lists them).",
    content: {
      "application/json": {
        schema: { oneOf: bodies.map((body) => body.schema) },
        examples: Object.fromEntries(
          bodies.flatMap(({ definition, examples }) =>
            examples.map((value, index) => {
              const action = examples.length > 1 ? (EXAMPLE_ACTIONS[index] ?? String(index + 1)) : null;
              return [
                action ? `${definition.key}-${action}` : definition.key,
                { summary: action ? `${definition.name} (${action})` : definition.name, value },
              ];
            }),
          ),
        ),
      },
    },
  };
}
