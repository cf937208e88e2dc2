import fc from "fast-check";
import { deeplyNestedValue, hostileKey, hostileValue, objectOf } from "./hostile-values";
import { pathsOf, setAt, valueAt } from "./json-paths";
import { toJsonText } from "./json-text";

const smallItem = fc.constantFrom<unknown>(
  null,
  1,
  -1,
  0.5,
  true,
  "",
  "a",
  "user-1",
  "\u0000",
  "\ud800",
  {},
  [],
);

const hugeArray: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), smallItem)
  .map(([length, item]) => Array.from({ length }, () => item));

/** What a mutation puts in place of a value. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileValue },
  { weight: 1, arbitrary: hugeArray },
  { weight: 1, arbitrary: fc.integer({ min: 64, max: 3_000 }).map(deeplyNestedValue) },
);

type Mutation =
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "addKey"; at: number; key: string; value: unknown }
  | { kind: "wrap"; at: number }
  | { kind: "stringify"; at: number }
  | { kind: "repeat"; at: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace"), at: fc.nat(), value: replacement }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete"), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("addKey"), at: fc.nat(), key: hostileKey, value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrap"), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("stringify"), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("repeat"),
      at: fc.nat(),
      times: fc.integer({ min: 2, max: 2_000 }),
    }),
  },
);

function applyMutation(root: unknown, change: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[change.at % paths.length] ?? [];
  const current = valueAt(root, path);
  switch (change.kind) {
    case "replace":
      return setAt(root, path, change.value);
    case "delete":
      return path.length === 0 ? root : setAt(root, path, undefined, true);
    case "addKey":
      if (typeof current === "object" && current !== null && !Array.isArray(current)) {
        Object.defineProperty(current, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return root;
      }
      return setAt(root, path, objectOf([[change.key, change.value]]));
    case "wrap":
      return setAt(root, path, [current]);
    case "stringify":
      return setAt(root, path, JSON.stringify(current) ?? "undefined");
    case "repeat": {
      // Repeating something already large would only test the size limit, and slowly.
      const times = toJsonText(current).length > 1_000 ? 2 : change.times;
      return setAt(
        root,
        path,
        Array.from({ length: times }, () => current),
      );
    }
  }
}

/** A valid payload with 1 to 3 hostile changes: wrong types, removed fields, added `__proto__` keys, huge or deep values. */
export function mutationOf(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((changes) =>
      changes.reduce((document, change) => applyMutation(document, change), structuredClone(valid)),
    );
}
