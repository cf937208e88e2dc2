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
export const hostileUnit = fc.oneof(
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

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
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
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
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
