import { splitFilterValue, tokenizeSegmentFilter, type FilterToken } from "./tokenize-segment-filter";

/**
 * LaunchDarkly's segment list filter: clauses `field operator value`, `,` for AND, `|` for OR, parentheses to group, e.g.
 * `query equals "beta",tags anyOf ["web","mobile"]|unbounded equals true`. `|` binds tighter than `,` (each
 * comma-separated part is one condition, which may offer alternatives); parentheses make any other grouping explicit.
 * Values may be bare or JSON-quoted (`"a,b"` keeps its comma). Tributary adds `synced equals true|false` (whether an
 * integration owns the membership) and `freshness equals stale|fresh|partial|never|failed` (how current a synced
 * segment's last sync is). Anything else is an error naming the clause, never a silently empty list.
 */

export const FRESHNESS_VALUES = ["fresh", "partial", "stale", "never", "failed"] as const;
export type FreshnessFilter = (typeof FRESHNESS_VALUES)[number];

/** Clauses one filter may hold, and how deeply parentheses may nest: each becomes a condition of the query. */
export const MAX_FILTER_CLAUSES = 30;
export const MAX_FILTER_NESTING = 5;
/** Values one `anyOf` list (or `query equals [...]`) may hold. */
export const MAX_FILTER_LIST_VALUES = 100;

export type SegmentFilterClause =
  | { field: "query" | "tags" | "includedKeys" | "excludedKeys"; anyOf: string[] }
  | { field: "unbounded" | "synced"; equals: boolean }
  | { field: "external"; exists: true }
  | { field: "external"; equals: string }
  | { field: "freshness"; equals: FreshnessFilter };

export type SegmentFilter = { all: SegmentFilter[] } | { any: SegmentFilter[] } | SegmentFilterClause;

export type SegmentFilterParseResult = { ok: true; value: SegmentFilter } | { ok: false; error: string };

const FIELDS = [
  "query",
  "tags",
  "unbounded",
  "external",
  "includedKeys",
  "excludedKeys",
  "synced",
  "freshness",
] as const;
type Field = (typeof FIELDS)[number];

const CLAUSE = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/;

class FilterError extends Error {}

const MALFORMED_QUOTE = 'a quoted value must be one JSON string, e.g. "a,b"';

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

function listOf(field: string, raw: string, clause: string, allowSingle: boolean): string[] {
  const value = splitFilterValue(raw);
  if (value === null) throw new FilterError(`"${clause}": ${MALFORMED_QUOTE}`);
  if (value === "") throw new FilterError(`"${clause}": the value is missing`);
  const values = typeof value === "string" ? (allowSingle ? [value] : null) : value;
  if (values === null) throw new FilterError(`"${clause}": use a list, e.g. ${field} anyOf ["a","b"]`);
  if (values.length === 0) throw new FilterError(`"${clause}": the list is empty`);
  if (values.length > MAX_FILTER_LIST_VALUES)
    throw new FilterError(`"${clause}": at most ${MAX_FILTER_LIST_VALUES} values`);
  if (values.some((item) => item === "")) throw new FilterError(`"${clause}": the list has an empty value`);
  return [...new Set(values)];
}

function singleOf(raw: string, clause: string): string {
  const value = splitFilterValue(raw);
  if (value === null) throw new FilterError(`"${clause}": ${MALFORMED_QUOTE}`);
  if (typeof value !== "string") throw new FilterError(`"${clause}": takes one value, not a list`);
  if (value === "") throw new FilterError(`"${clause}": the value is missing`);
  return value;
}

function booleanOf(field: string, operator: string, raw: string, clause: string): boolean {
  const value = operator === "equals" ? splitFilterValue(raw) : undefined;
  if (value !== "true" && value !== "false")
    throw new FilterError(`"${clause}": use "${field} equals true" or "${field} equals false"`);
  return value === "true";
}

function parseClause(clause: string): SegmentFilterClause {
  const match = CLAUSE.exec(clause);
  const field = match?.[1] ?? clause;
  const operator = match?.[2];
  const raw = (match?.[3] ?? "").trim();
  if (!isField(field))
    throw new FilterError(`"${clause}": unknown field "${field}"; use one of ${FIELDS.join(", ")}`);
  if (operator === undefined) throw new FilterError(`"${clause}" has no operator`);
  const expect = (wanted: string, usage: string) => {
    if (operator !== wanted) throw new FilterError(`"${clause}": use ${usage}`);
  };
  switch (field) {
    case "query":
      expect("equals", '"query equals <text>" or "query equals ["a","b"]"');
      return { field, anyOf: listOf(field, raw, clause, true) };
    case "tags":
    case "includedKeys":
    case "excludedKeys":
      expect("anyOf", `"${field} anyOf ["a","b"]"`);
      return { field, anyOf: listOf(field, raw, clause, false) };
    case "unbounded":
    case "synced":
      return { field, equals: booleanOf(field, operator, raw, clause) };
    case "external":
      if (operator === "exists") {
        if (raw !== "") throw new FilterError(`"${clause}": "exists" takes no value`);
        return { field, exists: true };
      }
      expect("equals", '"external exists" or "external equals <integrationKey>"');
      return { field, equals: singleOf(raw, clause) };
    case "freshness": {
      const value = operator === "equals" ? splitFilterValue(raw) : undefined;
      const freshness = FRESHNESS_VALUES.find((candidate) => candidate === value);
      if (freshness === undefined)
        throw new FilterError(`"${clause}": use "freshness equals <${FRESHNESS_VALUES.join("|")}>"`);
      return { field, equals: freshness };
    }
  }
}

/** Recursive descent over the tokens: expression := alternatives (`,` alternatives)*; alternatives := term (`|` term)*. */
class Parser {
  private position = 0;
  private clauses = 0;

  constructor(private readonly tokens: FilterToken[]) {}

  parse(): SegmentFilter {
    const filter = this.expression(0);
    const extra = this.tokens[this.position];
    if (extra !== undefined) throw new FilterError(`unexpected "${extra.text}" at position ${extra.at + 1}`);
    return filter;
  }

  private expression(depth: number): SegmentFilter {
    const parts = [this.alternatives(depth)];
    while (this.tokens[this.position]?.kind === ",") {
      this.position++;
      parts.push(this.alternatives(depth));
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { all: parts };
  }

  private alternatives(depth: number): SegmentFilter {
    const parts = [this.term(depth)];
    while (this.tokens[this.position]?.kind === "|") {
      this.position++;
      parts.push(this.term(depth));
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { any: parts };
  }

  private term(depth: number): SegmentFilter {
    const token = this.tokens[this.position];
    if (token === undefined)
      throw new FilterError("a clause is missing at the end (check the commas and bars)");
    if (token.kind === "(") {
      if (depth >= MAX_FILTER_NESTING)
        throw new FilterError(`parentheses nest more than ${MAX_FILTER_NESTING} deep`);
      this.position++;
      const inner = this.expression(depth + 1);
      if (this.tokens[this.position]?.kind !== ")")
        throw new FilterError(`the "(" at position ${token.at + 1} is never closed`);
      this.position++;
      return inner;
    }
    if (token.kind !== "clause")
      throw new FilterError(`a clause is missing before "${token.text}" at position ${token.at + 1}`);
    this.position++;
    this.clauses++;
    if (this.clauses > MAX_FILTER_CLAUSES) throw new FilterError(`at most ${MAX_FILTER_CLAUSES} clauses`);
    return parseClause(token.text);
  }
}

/** An absent or blank filter is no filter (`{all: []}`). Errors name the clause and what is wrong with it. */
export function parseSegmentFilter(text: string | undefined): SegmentFilterParseResult {
  if (text === undefined || text.trim() === "") return { ok: true, value: { all: [] } };
  try {
    const tokens = tokenizeSegmentFilter(text);
    if (!tokens.ok) return { ok: false, error: `Invalid filter: ${tokens.error}` };
    return { ok: true, value: new Parser(tokens.tokens).parse() };
  } catch (error) {
    if (error instanceof FilterError) return { ok: false, error: `Invalid filter: ${error.message}` };
    throw error;
  }
}
