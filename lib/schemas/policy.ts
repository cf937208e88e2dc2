import { z } from "zod";
import { POLICY_ACTIONS, isPolicyAction } from "@/lib/server/access/actions";
import { compileGlob, countWildcards } from "@/lib/server/access/glob";
import { policyLimitError } from "@/lib/server/access/policy-limit-errors";
import {
  MAX_ACTION_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_STATEMENTS,
  MAX_STATEMENT_ITEMS,
} from "@/lib/server/access/policy-limits";
import { parseResourceSpecifier } from "@/lib/server/access/resource";

export { MAX_POLICY_STATEMENTS, MAX_STATEMENT_ITEMS };

/**
 * Messages name the statement (`statement 2: ...`, counted from 0 like the issue path), but a statement schema cannot know
 * its own index. Zod writes a message that was left empty only once the whole input is parsed, when the issue path is
 * complete, so the index is read from the path then: it is the element just above the statement's own part of the path.
 * That holds however deep the policy sits in a request body, and a statement parsed on its own gets no prefix.
 */
function atStatement(path: readonly PropertyKey[] | undefined, depth: number, detail: string): string {
  const full = path ?? [];
  const index = full[full.length - 1 - depth];
  return typeof index === "number" ? `statement ${index}: ${detail}` : detail;
}

function statementError(depth: number, detail: string | ((input: string) => string)): z.core.$ZodErrorMap {
  return (issue) =>
    atStatement(
      issue.path,
      depth,
      typeof detail === "string" ? detail : detail(typeof issue.input === "string" ? issue.input : ""),
    );
}

function withinActionLimits(pattern: string): boolean {
  return pattern.length <= MAX_ACTION_LENGTH && countWildcards(pattern) <= MAX_GLOB_WILDCARDS;
}

/**
 * Stored policies are validated again whenever a principal is built from them, so a glob's answer is kept: it depends on
 * nothing but the glob. Bounded like the engine's other caches; the oldest entry goes first.
 */
const KNOWN_PATTERN_CACHE_LIMIT = 5_000;
const knownPatterns = new Map<string, boolean>();

/** A name in Tributary's or LaunchDarkly's vocabulary, or a glob that matches at least one of them. */
function isKnownActionPattern(pattern: string): boolean {
  if (!withinActionLimits(pattern)) return false;
  if (!pattern.includes("*")) return isPolicyAction(pattern);
  const cached = knownPatterns.get(pattern);
  if (cached !== undefined) return cached;
  const matches = compileGlob(pattern);
  const known = POLICY_ACTIONS.some((action) => matches(action));
  if (knownPatterns.size >= KNOWN_PATTERN_CACHE_LIMIT) {
    const oldest = knownPatterns.keys().next();
    if (oldest.done !== true) knownPatterns.delete(oldest.value);
  }
  knownPatterns.set(pattern, known);
  return known;
}

function list(field: string, item: z.ZodType<string>) {
  return z
    .array(item, { error: statementError(1, `"${field}" must be a list of strings`) })
    .min(1, { error: statementError(1, `"${field}" must not be empty`) })
    .max(MAX_STATEMENT_ITEMS, {
      error: statementError(1, `"${field}" must have at most ${MAX_STATEMENT_ITEMS} items`),
    });
}

function actionList(field: "actions" | "notActions") {
  const pattern = z
    .string({ error: statementError(2, `"${field}" must contain only strings`) })
    .refine(isKnownActionPattern, {
      error: statementError(2, (input) => {
        if (!withinActionLimits(input))
          return `"${field}" has an action longer than ${MAX_ACTION_LENGTH} characters or with more than ${MAX_GLOB_WILDCARDS} "*"`;
        return input.includes("*")
          ? `"${field}" has a pattern "${input}" that matches no known action`
          : `"${field}" has an unknown action "${input}"`;
      }),
    });
  return list(field, pattern);
}

function resourceList(field: "resources" | "notResources") {
  const specifier = z
    .string({ error: statementError(2, `"${field}" must contain only strings`) })
    .refine((text) => parseResourceSpecifier(text).ok, {
      error: statementError(2, (input) => {
        const parsed = parseResourceSpecifier(input);
        const reason = parsed.ok ? "" : ` (${parsed.error})`;
        return `"${field}" has an invalid resource specifier "${input}"${reason}`;
      }),
    });
  return list(field, specifier);
}

type Pair = readonly [first: string, second: string];

function hasBoth(statement: Record<string, unknown>, [first, second]: Pair): boolean {
  return statement[first] !== undefined && statement[second] !== undefined;
}

function hasNeither(statement: Record<string, unknown>, [first, second]: Pair): boolean {
  return statement[first] === undefined && statement[second] === undefined;
}

const ACTION_PAIR: Pair = ["actions", "notActions"];
const RESOURCE_PAIR: Pair = ["resources", "notResources"];

export const policyStatementSchema = z
  .strictObject(
    {
      effect: z.enum(["allow", "deny"], { error: statementError(1, `"effect" must be "allow" or "deny"`) }),
      actions: actionList("actions").optional(),
      notActions: actionList("notActions").optional(),
      resources: resourceList("resources").optional(),
      notResources: resourceList("notResources").optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? atStatement(
              issue.path,
              0,
              `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
            )
          : atStatement(issue.path, 0, "a statement must be an object"),
    },
  )
  .refine((statement) => !hasBoth(statement, ACTION_PAIR), {
    path: ["notActions"],
    error: statementError(1, `use exactly one of "actions" and "notActions", not both`),
  })
  .refine((statement) => !hasNeither(statement, ACTION_PAIR), {
    path: ["actions"],
    error: statementError(1, `"actions" or "notActions" is required`),
  })
  .refine((statement) => !hasBoth(statement, RESOURCE_PAIR), {
    path: ["notResources"],
    error: statementError(1, `use exactly one of "resources" and "notResources", not both`),
  })
  .refine((statement) => !hasNeither(statement, RESOURCE_PAIR), {
    path: ["resources"],
    error: statementError(1, `"resources" or "notResources" is required`),
  });

const statementsSchema = z
  .array(policyStatementSchema, { error: "a policy must be a list of statements" })
  .max(MAX_POLICY_STATEMENTS, `a policy has at most ${MAX_POLICY_STATEMENTS} statements`);

/** The limits are checked on the raw input first (see `policyLimitError`): an oversized policy is refused unread. */
export const policySchema = z.preprocess((input, context) => {
  const problem = policyLimitError(input);
  if (problem !== null)
    context.issues.push({ code: "custom", input, path: problem.path, message: problem.message });
  return input;
}, statementsSchema);

export type PolicyStatement = z.infer<typeof policyStatementSchema>;
export type Policy = z.infer<typeof policySchema>;
