import fc from "fast-check";
import { deeplyNestedText, hostileUnit, hostileValue, objectOf, PROTOTYPE_KEYS } from "./hostile-values";
import { pathsOf, setAt, valueAt } from "./json-paths";
import { mutationOf } from "./json-mutations";
import { toJsonText } from "./json-text";

// Hostile request bodies for the fuzz tests: mutated valid payloads, malformed text, and fixed edge cases. The values,
// paths, mutations and JSON text they are made of live in hostile-values.ts, json-paths.ts, json-mutations.ts, json-text.ts.

/** Text that is not quite JSON, or JSON of the wrong kind altogether. */
const malformedText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "[",
    "}",
    '{"a":',
    "nul",
    "undefined",
    "NaN",
    "Infinity",
    "{'a': 1}",
    '{"a": 1,}',
    "[1, 2,]",
    '"\\ud800"',
    '"\\u0000"',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    "\ufeff{}",
    "0",
    "-0",
    "1e999",
    "true",
    "null",
    '"text"',
    "[]",
    "{}",
    '{"a":1,"a":2}',
  ),
  fc.string({ unit: hostileUnit, maxLength: 40 }),
);

/**
 * Request bodies as JSON text for one route: hostile values, mutations of the route's valid payloads, and malformed text.
 * Mutations weigh most: they get past the outer checks and reach the code behind them.
 */
export function hostileBodyText(validPayloads: readonly unknown[]): fc.Arbitrary<string> {
  const mutated = fc.oneof(...validPayloads.map((valid) => mutationOf(valid)));
  return fc.oneof(
    { weight: 6, arbitrary: mutated.map(toJsonText) },
    { weight: 2, arbitrary: hostileValue.map(toJsonText) },
    { weight: 1, arbitrary: malformedText },
  );
}

/**
 * Fixed hostile variants of a valid payload, run before the random ones: nesting `depth` levels deep in place of every
 * value and as the whole body, a lone surrogate and a control character in place of every string, `__proto__`,
 * `constructor` and `prototype` keys in every object, and every array repeated past `overCap` items.
 */
export function edgeCasesOf(valid: unknown, options: { depth: number; overCap: number }): string[] {
  const deep = deeplyNestedText(options.depth);
  const cases = [deep, deeplyNestedText(options.depth, "object")];
  // The deep value goes in as text, in place of a marker no payload contains.
  const marker = "\u0000deep\u0000";
  const markerText = JSON.stringify(marker);
  for (const path of pathsOf(valid)) {
    const current = valueAt(valid, path);
    if (path.length > 0) {
      cases.push(toJsonText(setAt(structuredClone(valid), path, marker)).replace(markerText, deep));
    }
    if (typeof current === "string") {
      cases.push(toJsonText(setAt(structuredClone(valid), path, "\ud800")));
      cases.push(toJsonText(setAt(structuredClone(valid), path, `${current}\u0000`)));
    }
    if (typeof current === "object" && current !== null && !Array.isArray(current)) {
      for (const key of PROTOTYPE_KEYS) {
        const poison = objectOf([["polluted", "yes"], ...Object.entries(current)]);
        cases.push(
          toJsonText(
            setAt(structuredClone(valid), path, objectOf([...Object.entries(current), [key, poison]])),
          ),
        );
      }
    }
    if (Array.isArray(current) && current.length > 0) {
      const items: readonly unknown[] = current;
      // Small items keep the body under the size limit, so that the item cap is what refuses it.
      const first = items[0];
      const item = typeof first === "object" && first !== null ? {} : first;
      const many = Array.from({ length: options.overCap }, () => item);
      cases.push(toJsonText(setAt(structuredClone(valid), path, many)));
    }
  }
  return cases;
}
