/**
 * Resources in LaunchDarkly's grammar: `type/name;tag1,tag2` parts joined by `:` for children, e.g.
 * `proj/web;mobile:env/production:segment/beta`. `acct` is the one type without a name.
 *
 * A specifier (in a policy) and a concrete resource (what a request touches) share the grammar. In a specifier, names are
 * globs and tags are requirements; in a concrete resource, names are literal and tags are the ones the resource has.
 */

/** The types and the ways they nest. A specifier of any other shape could never match a resource, so it is rejected. */
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

const KNOWN_TYPES: ReadonlySet<string> = new Set(RESOURCE_SHAPES.flat());
const KNOWN_SHAPES: ReadonlySet<string> = new Set(RESOURCE_SHAPES.map((shape) => shape.join(":")));
const TYPE_PATTERN = /^[a-z][a-z0-9-]*$/;
const WHITESPACE = /\s/;
const NAMELESS_TYPE = "acct";

/**
 * Compiled globs, parsed specifiers and parsed resources are reused across requests. Bounded so that a stream of distinct
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

const globCache = new Map<string, (value: string) => boolean>();

const matchAll = (): boolean => true;

/**
 * `*` matches any run of characters (also none, also `/`); every other character is literal and case-sensitive. We do not
 * use picomatch: its `?`, `[...]`, `{a,b}`, `!` and special handling of `/` would give names in policies meanings that
 * LaunchDarkly's grammar does not have.
 */
export function compileGlob(pattern: string): (value: string) => boolean {
  return memoize(globCache, pattern, () => {
    if (pattern === "*") return matchAll;
    if (!pattern.includes("*")) return (value: string) => value === pattern;
    const source = pattern
      .split("*")
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*");
    const regex = new RegExp(`^${source}$`, "s");
    return (value: string) => regex.test(value);
  });
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
  if (type === NAMELESS_TYPE) {
    if (name !== null || tagText !== null)
      return { ok: false, error: `"${NAMELESS_TYPE}" takes no name or tags` };
  } else if (name === null) {
    return { ok: false, error: `${where} needs a name, such as "${type}/*"` };
  } else if (name === "") {
    return { ok: false, error: `${where} has an empty name` };
  }

  const tags = tagText === null ? [] : tagText.split(",");
  if (tags.some((tag) => tag === "")) return { ok: false, error: `${where} has an empty tag` };
  return { ok: true, value: { type, name, tags } };
}

function parseParts(text: string): ParseResult<ResourcePart[]> {
  if (text === "") return { ok: false, error: "the resource is empty" };
  const parts: ResourcePart[] = [];
  for (const [index, partText] of text.split(":").entries()) {
    const part = parsePart(partText, index + 1);
    if (!part.ok) return part;
    parts.push(part.value);
  }
  const shape = parts.map((part) => part.type).join(":");
  if (!KNOWN_SHAPES.has(shape)) {
    const known = RESOURCE_SHAPES.map((s) => s.join(":")).join(", ");
    return { ok: false, error: `"${shape}" is not a valid nesting of resource types; use one of ${known}` };
  }
  return { ok: true, value: parts };
}

const specifierCache = new Map<string, ParseResult<ResourceSpecifier>>();
const resourceCache = new Map<string, ParseResult<Resource>>();

/** A specifier as written in a policy's `resources` or `notResources`: names are `*` globs, tags are all required. */
export function parseResourceSpecifier(text: string): ParseResult<ResourceSpecifier> {
  return memoize(specifierCache, text, () => {
    const parsed = parseParts(text);
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
    const parsed = parseParts(text);
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
