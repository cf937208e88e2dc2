import { isRecord, resolve, resolveChoice, tokensOf } from "@/lib/server/sync/json-pointer";
import type { IntegrationDefinition, JsonPointer } from "@/lib/server/sync/integrations/types";
import { memberSample } from "@/lib/server/rejected-pushes/member-sample";
import { REFUSAL_TEXT_LENGTH } from "@/lib/server/rejected-pushes/rejected-push-limits";
import type { RefusalDetails } from "@/lib/server/rejected-pushes/refusal-details";

function* idsOf(body: unknown, array: JsonPointer, id: JsonPointer): Generator<unknown> {
  const items = resolve(body, tokensOf(array));
  if (!Array.isArray(items)) return;
  const idTokens = tokensOf(id);
  for (const item of items) yield resolve(item, idTokens);
}

function* memberIds(definition: IntegrationDefinition, body: unknown): Generator<unknown> {
  if (definition.mode === "B") {
    yield* idsOf(body, definition.members.add, definition.members.id);
    yield* idsOf(body, definition.members.remove, definition.members.id);
  } else {
    yield* idsOf(body, definition.members.array, definition.members.id);
  }
}

/**
 * The client-side ID and first member ids a partner's body names, read the way its definition says, whether or not the
 * body as a whole parses: for the record of a refused push only, so it reads no more than it keeps.
 */
export function readPartnerRefusalDetails(definition: IntegrationDefinition, body: unknown): RefusalDetails {
  if (!isRecord(body)) return { clientSideId: null, memberSample: [] };
  const clientSideId = resolveChoice(body, definition.environmentId);
  return {
    clientSideId: typeof clientSideId === "string" ? clientSideId.slice(0, REFUSAL_TEXT_LENGTH) : null,
    memberSample: memberSample([memberIds(definition, body)]),
  };
}
