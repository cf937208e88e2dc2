import type {
  IntegrationDefinition,
  PartnerErrorFields,
  PartnerSuccessFields,
  ResponseTemplateNode,
} from "@/lib/server/sync/integrations/types";

export type PartnerSuccessOutcome = { ok: true; fields: PartnerSuccessFields };
export type PartnerFailureOutcome = {
  ok: false;
  error: { status: number; message: string };
  /** The segment's ids as far as the push had found them before it failed. */
  context?: Omit<PartnerErrorFields, "status" | "message">;
};
export type PartnerOutcome = PartnerSuccessOutcome | PartnerFailureOutcome;

/** `body: null` means no body (204). */
export type RenderedPartnerResponse = { status: number; body: unknown };

/**
 * The answer a partner expects. Without a response template: 204 on success, and null on failure (the caller sends the
 * standard `{code, message, id}` error body). With one (Heap): the template's status and body, or its failure body with
 * the error's status.
 */
export function renderPartnerResponse(
  definition: IntegrationDefinition,
  outcome: PartnerSuccessOutcome,
): RenderedPartnerResponse;
export function renderPartnerResponse(
  definition: IntegrationDefinition,
  outcome: PartnerOutcome,
): RenderedPartnerResponse | null;
export function renderPartnerResponse(
  definition: IntegrationDefinition,
  outcome: PartnerOutcome,
): RenderedPartnerResponse | null {
  const template = definition.response;
  if (outcome.ok) {
    if (template === undefined) return { status: 204, body: null };
    return { status: template.success.status, body: renderNode(template.success.body, outcome.fields) };
  }
  if (template === undefined) return null;
  const fields: PartnerErrorFields = {
    ...outcome.context,
    message: outcome.error.message,
    status: outcome.error.status,
  };
  return { status: outcome.error.status, body: renderNode(template.failure.body, fields) };
}

function renderNode<Field extends string>(
  node: ResponseTemplateNode<Field>,
  fields: Readonly<Partial<Record<Field, string | number>>>,
): unknown {
  switch (node.kind) {
    case "field":
      return fields[node.field];
    case "literal":
      return node.value;
    case "object":
      // fromEntries defines own properties, so even a "__proto__" property name stays plain data.
      return Object.fromEntries(
        Object.entries(node.properties)
          .map(([name, child]) => [name, renderNode(child, fields)] as const)
          .filter(([, value]) => value !== undefined),
      );
  }
}
