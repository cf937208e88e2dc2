import type { JsonPointer, JsonPointerChoice } from "@/lib/server/sync/integrations/types";

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const compiledPointers = new Map<string, readonly string[]>();

export function tokensOf(pointer: JsonPointer): readonly string[] {
  let tokens = compiledPointers.get(pointer);
  if (tokens === undefined) {
    tokens =
      pointer === ""
        ? []
        : pointer
            .slice(1)
            .split("/")
            .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
    compiledPointers.set(pointer, tokens);
  }
  return tokens;
}

/** The value at the pointer, or undefined; only own properties count, so `__proto__` or `constructor` find nothing inherited. */
export function resolve(document: unknown, tokens: readonly string[]): unknown {
  let current = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(token)) return undefined;
      const items: readonly unknown[] = current;
      current = items[Number(token)];
    } else if (isRecord(current)) {
      if (!Object.hasOwn(current, token)) return undefined;
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** The first pointer whose value is neither missing nor null; undefined when there is none. */
export function resolveChoice(document: unknown, choice: JsonPointerChoice): unknown {
  if (typeof choice === "string") {
    const value = resolve(document, tokensOf(choice));
    return value === null ? undefined : value;
  }
  for (const pointer of choice) {
    const value = resolve(document, tokensOf(pointer));
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** How an error message names a field: `"parameters.environment_id"`, `"cohortDescription" or "description"`. */
export function fieldName(choice: JsonPointerChoice): string {
  const pointers: readonly JsonPointer[] = typeof choice === "string" ? [choice] : choice;
  return pointers
    .map((pointer) => `"${pointer === "" ? "(body)" : tokensOf(pointer).join(".")}"`)
    .join(" or ");
}

/** Sets the value at the pointer, creating the objects on the way; for building bodies, so arrays are never indexed. */
export function setAt(document: JsonObject, pointer: JsonPointer, value: unknown): void {
  const tokens = tokensOf(pointer);
  const last = tokens.at(-1);
  if (last === undefined) throw new Error("cannot set the whole document");
  let current = document;
  for (const token of tokens.slice(0, -1)) {
    const next = Object.hasOwn(current, token) ? current[token] : undefined;
    if (isRecord(next)) {
      current = next;
    } else {
      const created: JsonObject = {};
      current[token] = created;
      current = created;
    }
  }
  current[last] = value;
}
