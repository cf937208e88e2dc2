import type {
  IntegrationDefinition,
  JsonPointer,
  JsonPointerChoice,
  ModeADefinition,
} from "@/lib/server/sync/integrations/types";
import { type JsonObject, setAt } from "@/lib/server/sync/json-pointer";

/** The cohort a built body is about. Heap sends numeric cohort ids, so a number is sent as a number. */
export type ExampleCohort = {
  environmentId: string;
  cohortId: string | number;
  cohortName?: string;
  cohortUrl?: string;
  /** Sent only where the integration has a context kind field; "user" unless given. */
  contextKind?: string;
};

export type MemberChanges = { add: readonly string[]; remove?: readonly string[] };

/**
 * The request bodies a tool sends to make these membership changes in its cohort, built from the integration's
 * definition alone (the same pointers the parser reads), so tests, seed, load and bench scripts restate no shape.
 * Modes A and B take one body; mode C one per non-empty list (its action is batch-wide), adds first.
 */
export function buildPartnerPayloads(
  definition: IntegrationDefinition,
  cohort: ExampleCohort,
  changes: MemberChanges,
): JsonObject[] {
  const remove = changes.remove ?? [];
  switch (definition.mode) {
    case "A":
      return [modeABody(definition, cohort, changes.add, remove)];
    case "B": {
      const body = batchBody(definition, cohort);
      setAt(body, definition.members.add, memberItems(changes.add, definition.members.id));
      setAt(body, definition.members.remove, memberItems(remove, definition.members.id));
      return [body];
    }
    case "C": {
      const { members } = definition;
      const lists = [
        { action: members.addAction, keys: changes.add },
        { action: members.removeAction, keys: remove },
      ].filter((list) => list.keys.length > 0);
      return lists.map(({ action, keys }) => {
        const body = batchBody(definition, cohort);
        setAt(body, members.action, action);
        setAt(body, members.array, memberItems(keys, members.id));
        return body;
      });
    }
  }
}

/** The one body of a push that only adds (every mode sends adds alone in one body). */
export function buildPartnerPayload(
  definition: IntegrationDefinition,
  cohort: ExampleCohort,
  add: readonly string[],
): JsonObject {
  const [body] = buildPartnerPayloads(definition, cohort, { add });
  if (body === undefined) throw new Error("a push needs at least one member to add");
  return body;
}

function modeABody(
  definition: ModeADefinition,
  cohort: ExampleCohort,
  add: readonly string[],
  remove: readonly string[],
): JsonObject {
  const body = envelope(definition, cohort);
  const { members } = definition;
  if (definition.cohortId !== undefined) setAt(body, first(definition.cohortId), cohort.cohortId);
  const item = (key: string, value: boolean): JsonObject => {
    const entry: JsonObject = {};
    setAt(entry, members.id, key);
    if (members.cohortId !== undefined) setAt(entry, first(members.cohortId), cohort.cohortId);
    setOptional(entry, members.cohortName, cohort.cohortName);
    setOptional(entry, members.cohortUrl, cohort.cohortUrl);
    setAt(entry, members.value, value);
    return entry;
  };
  setAt(body, members.array, [
    ...add.map((key) => item(key, true)),
    ...remove.map((key) => item(key, false)),
  ]);
  return body;
}

/** Modes B and C: the cohort and its metadata once, at the batch level. */
function batchBody(
  definition: IntegrationDefinition & { cohortId: JsonPointerChoice },
  cohort: ExampleCohort,
) {
  const body = envelope(definition, cohort);
  setAt(body, first(definition.cohortId), cohort.cohortId);
  setOptional(body, definition.cohortName, cohort.cohortName);
  setOptional(body, definition.cohortUrl, cohort.cohortUrl);
  return body;
}

function envelope(definition: IntegrationDefinition, cohort: ExampleCohort): JsonObject {
  const body: JsonObject = {};
  setAt(body, first(definition.environmentId), cohort.environmentId);
  setOptional(body, definition.contextKind, cohort.contextKind ?? "user");
  return body;
}

function memberItems(keys: readonly string[], id: JsonPointer): JsonObject[] {
  return keys.map((key) => {
    const entry: JsonObject = {};
    setAt(entry, id, key);
    return entry;
  });
}

function setOptional(
  document: JsonObject,
  pointer: JsonPointerChoice | undefined,
  value: string | undefined,
): void {
  if (pointer !== undefined && value !== undefined) setAt(document, first(pointer), value);
}

function first(choice: JsonPointerChoice): JsonPointer {
  const pointer = typeof choice === "string" ? choice : choice[0];
  if (pointer === undefined) throw new Error("an empty pointer choice");
  return pointer;
}
