/**
 * LaunchDarkly's segment list filter: clauses `field operator value` joined by `,`, e.g.
 * `query equals beta,tags anyOf [web,mobile],unbounded equals true,external exists`.
 * Tributary's own: `synced equals true|false` (whether an integration owns the membership) and
 * `freshness equals stale|fresh|partial|never|failed` (how current a synced segment's last sync is).
 */

export const FRESHNESS_VALUES = ["fresh", "partial", "stale", "never", "failed"] as const;
export type FreshnessFilter = (typeof FRESHNESS_VALUES)[number];

export type SegmentFilter = {
  /** Case-insensitive substring of the key or the name. */
  query?: string;
  tagsAnyOf?: string[];
  unbounded?: boolean;
  external?: { exists: true } | { equals: string };
  synced?: boolean;
  freshness?: FreshnessFilter;
};

export type SegmentFilterParseResult = { ok: true; value: SegmentFilter } | { ok: false; error: string };

const FIELDS = ["query", "tags", "unbounded", "external", "synced", "freshness"] as const;
type Field = (typeof FIELDS)[number];

const CLAUSE = /^(\S+)\s+(\S+)(?:\s+([\s\S]*))?$/;

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/** Splits at commas outside `[...]`, so that `tags anyOf [a,b]` stays one clause. */
function splitClauses(text: string): { ok: true; clauses: string[] } | { ok: false; error: string } {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "[") {
      if (depth > 0) return { ok: false, error: "nested brackets are not allowed" };
      depth = 1;
    } else if (character === "]") {
      if (depth === 0) return { ok: false, error: `unexpected "]" at position ${index + 1}` };
      depth = 0;
    } else if (character === "," && depth === 0) {
      clauses.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (depth > 0) return { ok: false, error: 'a "[" is never closed' };
  clauses.push(text.slice(start));
  return { ok: true, clauses: clauses.map((clause) => clause.trim()) };
}

function parseList(value: string): string[] | null {
  if (!value.startsWith("[") || !value.endsWith("]")) return null;
  const inner = value.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((item) => item.trim());
}

type ClauseResult = { ok: true; value: SegmentFilter } | { ok: false; error: string };

function parseClause(field: Field, operator: string, value: string, clause: string): ClauseResult {
  const fail = (error: string): ClauseResult => ({ ok: false, error: `"${clause}": ${error}` });
  switch (field) {
    case "query": {
      if (operator !== "equals") return fail('use "query equals <text>"');
      if (value === "") return fail("the query text is missing");
      return { ok: true, value: { query: value } };
    }
    case "tags": {
      if (operator !== "anyOf") return fail('use "tags anyOf [tag1,tag2]"');
      const tags = parseList(value);
      if (tags === null) return fail('the tags must be a bracketed list, e.g. "[web,mobile]"');
      if (tags.length === 0) return fail("the tag list is empty");
      if (tags.some((tag) => tag === "")) return fail("the tag list has an empty tag");
      return { ok: true, value: { tagsAnyOf: [...new Set(tags)] } };
    }
    case "unbounded": {
      if (operator !== "equals" || (value !== "true" && value !== "false"))
        return fail('use "unbounded equals true" or "unbounded equals false"');
      return { ok: true, value: { unbounded: value === "true" } };
    }
    case "external": {
      if (operator === "exists") {
        if (value !== "") return fail('"exists" takes no value');
        return { ok: true, value: { external: { exists: true } } };
      }
      if (operator === "equals") {
        if (value === "") return fail("the integration key is missing");
        return { ok: true, value: { external: { equals: value } } };
      }
      return fail('use "external exists" or "external equals <integrationKey>"');
    }
    case "synced": {
      if (operator !== "equals" || (value !== "true" && value !== "false"))
        return fail('use "synced equals true" or "synced equals false"');
      return { ok: true, value: { synced: value === "true" } };
    }
    case "freshness": {
      const freshness = FRESHNESS_VALUES.find((candidate) => candidate === value);
      if (operator !== "equals" || freshness === undefined)
        return fail(`use "freshness equals <${FRESHNESS_VALUES.join("|")}>"`);
      return { ok: true, value: { freshness } };
    }
  }
}

/** An absent or blank filter is no filter. Errors name the clause and what is wrong with it. */
export function parseSegmentFilter(text: string | undefined): SegmentFilterParseResult {
  const filter: SegmentFilter = {};
  if (text === undefined || text.trim() === "") return { ok: true, value: filter };
  const split = splitClauses(text);
  if (!split.ok) return { ok: false, error: `Invalid filter: ${split.error}` };

  const seen = new Set<Field>();
  for (const clause of split.clauses) {
    if (clause === "") return { ok: false, error: "Invalid filter: a clause is empty (check the commas)" };
    const match = CLAUSE.exec(clause);
    const name = match?.[1] ?? clause;
    const operator = match?.[2];
    if (!isField(name)) {
      return {
        ok: false,
        error: `Invalid filter: unknown field "${name}"; use one of ${FIELDS.join(", ")}`,
      };
    }
    if (operator === undefined) {
      return { ok: false, error: `Invalid filter: "${clause}" has no operator` };
    }
    if (seen.has(name)) return { ok: false, error: `Invalid filter: "${name}" appears more than once` };
    seen.add(name);
    const parsed = parseClause(name, operator, (match?.[3] ?? "").trim(), clause);
    if (!parsed.ok) return { ok: false, error: `Invalid filter: ${parsed.error}` };
    Object.assign(filter, parsed.value);
  }
  return { ok: true, value: filter };
}
