/**
 * Resources in LaunchDarkly's grammar: `type/name;tag1,tag2` parts joined by `:` for children, e.g.
 * `proj/web;mobile:env/production:segment/beta`. `acct` (and LaunchDarkly's `ip-allowlist`) are written without a name.
 *
 * A specifier (in a policy) and a concrete resource (what a request touches) share the grammar. In a specifier, names are
 * globs and tags are requirements; in a concrete resource, names are literal and tags are the ones the resource has.
 */
import { compileGlob, countWildcards } from "@/lib/server/access/glob";
import {
  LAUNCHDARKLY_NAMELESS_TYPES,
  LAUNCHDARKLY_RESOURCE_SHAPES,
} from "@/lib/server/access/launchdarkly-vocabulary";
import { MAX_GLOB_WILDCARDS, MAX_SPECIFIER_LENGTH } from "@/lib/server/access/policy-limits";

export { compileGlob };

/**
 * The types and the ways they nest in Tributary: what a request can act on. A policy may also name the shapes of
 * LaunchDarkly's vocabulary (`launchdarkly-vocabulary.ts`), which match no resource here; any other shape is rejected.
 */
export const RESOURCE_SHAPES = [
  ["acct"],
  ["proj"],
  ["proj", "env"],
  ["proj", "env", "segment"],
  ["proj", "env", "integration"],
  ["member"],
  ["member", "token"],
  ["service-token"],
  ["role"],
] as const;

export type ResourceType = (typeof RESOURCE_SHAPES)[number][number];

export type ResourcePart = {
  readonly type: string;
  readonly name: string | null;
  readonly tags: readonly string[];
};

export type Resource = { readonly text: string; readonly parts: readonly ResourcePart[] };

export type SpecifierPart = ResourcePart & { readonly matchName: (name: string | null) => boolean };

export type ResourceSpecifier = { readonly text: string; readonly parts: readonly SpecifierPart[] };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const TRIBUTARY_SHAPES: ReadonlySet<string> = new Set(RESOURCE_SHAPES.map((shape) => shape.join(":")));
const POLICY_SHAPES: ReadonlySet<string> = new Set([
  ...TRIBUTARY_SHAPES,
  ...LAUNCHDARKLY_RESOURCE_SHAPES.map((shape) => shape.join(":")),
]);
const KNOWN_TYPES: ReadonlySet<string> = new Set([
  ...RESOURCE_SHAPES.flat(),
  ...LAUNCHDARKLY_RESOURCE_SHAPES.flat(),
]);
const NAMELESS_TYPES: ReadonlySet<string> = new Set(["acct", ...LAUNCHDARKLY_NAMELESS_TYPES]);
const TYPE_PATTERN = /^[a-z][a-z0-9-]*$/;
const WHITESPACE = /\s/;

/**
 * Parsed specifiers and parsed resources are reused across requests. Bounded so that a stream of distinct
 * resource names cannot grow memory without limit; the oldest entry goes first.
 */
const CACHE_LIMIT = 5_000;

function memoize<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}

function parsePart(text: string, position: number): ParseResult<ResourcePart> {
  const where = `"${text}" (part ${position})`;
  if (text === "") return { ok: false, error: `part ${position} is empty` };
  if (WHITESPACE.test(text)) return { ok: false, error: `${where} contains whitespace` };

  const semicolon = text.indexOf(";");
  const head = semicolon === -1 ? text : text.slice(0, semicolon);
  const tagText = semicolon === -1 ? null : text.slice(semicolon + 1);
  const slash = head.indexOf("/");
  const type = slash === -1 ? head : head.slice(0, slash);
  const name = slash === -1 ? null : head.slice(slash + 1);

  if (!TYPE_PATTERN.test(type)) return { ok: false, error: `${where} has an invalid type "${type}"` };
  if (!KNOWN_TYPES.has(type)) return { ok: false, error: `${where} has an unknown type "${type}"` };
  if (NAMELESS_TYPES.has(type)) {
    if (name !== null || tagText !== null) return { ok: false, error: `"${type}" takes no name or tags` };
  } else if (name === null) {
    return { ok: false, error: `${where} needs a name, such as "${type}/*"` };
  } else if (name === "") {
    return { ok: false, error: `${where} has an empty name` };
  }

  const tags = tagText === null ? [] : tagText.split(",");
  if (tags.some((tag) => tag === "")) return { ok: false, error: `${where} has an empty tag` };
  return { ok: true, value: { type, name, tags } };
}

function parseParts(text: string, shapes: ReadonlySet<string>): ParseResult<ResourcePart[]> {
  if (text === "") return { ok: false, error: "the resource is empty" };
  const parts: ResourcePart[] = [];
  for (const [index, partText] of text.split(":").entries()) {
    const part = parsePart(partText, index + 1);
    if (!part.ok) return part;
    parts.push(part.value);
  }
  const shape = parts.map((part) => part.type).join(":");
  if (!shapes.has(shape)) {
    if (POLICY_SHAPES.has(shape))
      return { ok: false, error: `"${shape}" is a LaunchDarkly resource that Tributary does not have` };
    const known = [...TRIBUTARY_SHAPES].join(", ");
    const more = shapes === POLICY_SHAPES ? " or one of LaunchDarkly's resource types" : "";
    return {
      ok: false,
      error: `"${shape}" is not a valid nesting of resource types; use one of ${known}${more}`,
    };
  }
  return { ok: true, value: parts };
}

/** Checked before a specifier is parsed or cached, so an oversized one costs no more than reading its length. */
function specifierLimitError(text: string): string | null {
  if (text.length > MAX_SPECIFIER_LENGTH)
    return `a resource specifier has at most ${MAX_SPECIFIER_LENGTH} characters`;
  if (countWildcards(text) > MAX_GLOB_WILDCARDS)
    return `a resource specifier has at most ${MAX_GLOB_WILDCARDS} "*"`;
  return null;
}

/** Whether a specifier names a resource shape that Tributary has (others, from LaunchDarkly's vocabulary, grant nothing). */
export function specifierGovernsTributary(specifier: ResourceSpecifier): boolean {
  return TRIBUTARY_SHAPES.has(specifier.parts.map((part) => part.type).join(":"));
}

const specifierCache = new Map<string, ParseResult<ResourceSpecifier>>();
const resourceCache = new Map<string, ParseResult<Resource>>();

/** A specifier as written in a policy's `resources` or `notResources`: names are `*` globs, tags are all required. */
export function parseResourceSpecifier(text: string): ParseResult<ResourceSpecifier> {
  const beyondLimits = specifierLimitError(text);
  if (beyondLimits !== null) return { ok: false, error: beyondLimits };
  return memoize(specifierCache, text, () => {
    const parsed = parseParts(text, POLICY_SHAPES);
    if (!parsed.ok) return parsed;
    const parts = parsed.value.map((part): SpecifierPart => {
      const { name } = part;
      const matchGlob = name === null ? null : compileGlob(name);
      return {
        ...part,
        matchName: (candidate) =>
          matchGlob === null ? candidate === null : candidate !== null && matchGlob(candidate),
      };
    });
    return { ok: true, value: { text, parts } };
  });
}

/** A concrete resource that a request acts on: names are literal (a `*` is just a character), tags are the resource's own. */
export function parseResource(text: string): ParseResult<Resource> {
  return memoize(resourceCache, text, () => {
    const parsed = parseParts(text, TRIBUTARY_SHAPES);
    return parsed.ok ? { ok: true, value: { text, parts: parsed.value } } : parsed;
  });
}

/**
 * Same number of parts, the same types in order, every name matching its glob, and every tag of the specifier among the
 * resource's tags. A string that does not parse matches nothing.
 */
export function matchResource(specifier: ResourceSpecifier | string, resource: Resource | string): boolean {
  const spec =
    typeof specifier === "string"
      ? parseResourceSpecifier(specifier)
      : { ok: true as const, value: specifier };
  const concrete =
    typeof resource === "string" ? parseResource(resource) : { ok: true as const, value: resource };
  if (!spec.ok || !concrete.ok) return false;
  const specParts = spec.value.parts;
  const parts = concrete.value.parts;
  if (specParts.length !== parts.length) return false;
  return specParts.every((specPart, index) => {
    const part = parts[index];
    return (
      part !== undefined &&
      specPart.type === part.type &&
      specPart.matchName(part.name) &&
      specPart.tags.every((tag) => part.tags.includes(tag))
    );
  });
}
