import fc from "fast-check";

/** Keys that pollute `Object.prototype` when code copies properties with `target[key] = value`. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const;

const CONTROL_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  "\u007f",
  "\u0085",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One code unit or code point a careless parser trips on: controls, lone surrogate halves, anything in Unicode. */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARACTERS) },
  { weight: 2, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
);

const notableStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "\udc00\ud800",
  "\ufeff",
  "\u202e",
  "\u2028\u2029",
  "𝕏",
  "👩‍👩‍👧‍👦",
  "e\u0301",
  "null",
  "true",
  "org",
  "device",
  "0",
  "-1",
  "1e400",
  "NaN",
  "%00",
  "%2F..%2F",
  "../../etc/passwd",
  "a/b",
  "*",
  "proj/*:env/*:segment/*",
  "'; drop table segment; --",
  "<script>alert(1)</script>",
  "${7*7}",
  "toString",
  "hasOwnProperty",
  "valueOf",
  ...PROTOTYPE_KEYS,
  "x".repeat(513),
  "x".repeat(5000),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: notableStrings },
  { weight: 3, arbitrary: fc.string({ unit: hostileUnit, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 12 }) },
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 3, arbitrary: hostileString },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    1e21,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** An object whose keys are defined as own data properties, so `__proto__` is a key and not the prototype. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries);
}

const { value: hostileValueArbitrary } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.array(fc.tuple(hostileKey, tie("value")), { maxLength: 6 }).map(objectOf),
  ),
}));

/** Any JSON value, built from hostile strings, numbers and keys (`__proto__` included), nested a few levels. */
export const hostileValue: fc.Arbitrary<unknown> = hostileValueArbitrary;

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels, as JSON text: too deep for recursive code to survive. */
export function deeplyNestedText(depth: number, kind: "array" | "object" = "array"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Deep nesting as a value, for splicing into a valid payload (built iteratively: the value is what is deep). */
export function deeplyNestedValue(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

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

type Path = readonly (string | number)[];

/**
 * Where a mutation can apply: the root and every value below it, in document order, but not below `MAX_PATH_DEPTH` nor past
 * the first `MAX_PATH_ITEMS` items of an array, so that an earlier mutation's deep or huge value stays cheap to walk.
 */
const MAX_PATH_DEPTH = 12;
const MAX_PATH_ITEMS = 50;

function pathsOf(root: unknown): Path[] {
  const paths: Path[] = [];
  const pending: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    paths.push(path);
    if (path.length >= MAX_PATH_DEPTH || typeof value !== "object" || value === null) continue;
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.slice(0, MAX_PATH_ITEMS).map((item: unknown, index): [number, unknown] => [index, item])
      : Object.entries(value);
    for (const [step, child] of children.reverse()) pending.push({ value: child, path: [...path, step] });
  }
  return paths;
}

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

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** Reads the container holding `path`'s last step; null for the root. */
function parentOf(
  root: unknown,
  path: Path,
): { parent: Record<string, unknown> | unknown[]; step: string | number } | null {
  const step = path[path.length - 1];
  if (step === undefined) return null;
  let parent: unknown = root;
  for (const part of path.slice(0, -1)) {
    if (!isContainer(parent)) return null;
    parent = Array.isArray(parent) ? parent[Number(part)] : parent[String(part)];
  }
  return isContainer(parent) ? { parent, step } : null;
}

function valueAt(root: unknown, path: Path): unknown {
  const location = parentOf(root, path);
  if (location === null) return root;
  const { parent, step } = location;
  return Array.isArray(parent) ? parent[Number(step)] : parent[String(step)];
}

/** Sets (or, with `remove`, deletes) the value at `path` as an own data property, whatever the key is. */
function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const location = parentOf(root, path);
  if (location === null) return remove ? undefined : value;
  const { parent, step } = location;
  if (Array.isArray(parent)) {
    const index = Number(step);
    if (remove) parent.splice(index, 1);
    else parent[index] = value;
  } else if (remove) {
    delete parent[String(step)];
  } else {
    Object.defineProperty(parent, String(step), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return root;
}

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

/** Text to emit as it is while `toJsonText` walks a value. */
class RawText {
  constructor(readonly text: string) {}
}

/** JSON text for any value, also nested deeper than JSON.stringify's recursion allows (lone surrogates come out escaped). */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    // Deep nesting from `deeplyNestedValue`: write it out without recursion.
    const parts: string[] = [];
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next instanceof RawText) {
        parts.push(next.text);
      } else if (Array.isArray(next)) {
        const items: readonly unknown[] = next;
        parts.push("[");
        stack.push(new RawText("]"));
        for (let index = items.length - 1; index >= 0; index--) {
          stack.push(items[index]);
          if (index > 0) stack.push(new RawText(","));
        }
      } else if (typeof next === "object" && next !== null) {
        const entries = Object.entries(next);
        parts.push("{");
        stack.push(new RawText("}"));
        for (let index = entries.length - 1; index >= 0; index--) {
          const [key, item] = entries[index] ?? ["", null];
          stack.push(item);
          stack.push(new RawText(`${JSON.stringify(key)}:`));
          if (index > 0) stack.push(new RawText(","));
        }
      } else {
        parts.push(JSON.stringify(next) ?? "null");
      }
    }
    return parts.join("");
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
