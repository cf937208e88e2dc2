import { countWildcards } from "@/lib/server/access/glob";
import {
  MAX_ACTION_LENGTH,
  MAX_GLOB_WILDCARDS,
  MAX_POLICY_ENTRIES,
  MAX_POLICY_STATEMENTS,
  MAX_SPECIFIER_LENGTH,
  MAX_STATEMENT_ITEMS,
} from "@/lib/server/access/policy-limits";

export type PolicyLimitError = { path: (string | number)[]; message: string };

const ACTION_FIELDS = ["actions", "notActions"] as const;
const RESOURCE_FIELDS = ["resources", "notResources"] as const;

function entryError(field: string, entry: unknown, maxLength: number, kind: string): string | null {
  if (typeof entry !== "string") return null;
  if (entry.length > maxLength) return `"${field}" has ${kind} longer than ${maxLength} characters`;
  if (countWildcards(entry) > MAX_GLOB_WILDCARDS)
    return `"${field}" has ${kind} with more than ${MAX_GLOB_WILDCARDS} "*"`;
  return null;
}

function listErrors(statement: Record<string, unknown>, index: number): PolicyLimitError | null {
  const fields = [
    ...ACTION_FIELDS.map((field) => ({ field, maxLength: MAX_ACTION_LENGTH, kind: "an action" })),
    ...RESOURCE_FIELDS.map((field) => ({
      field,
      maxLength: MAX_SPECIFIER_LENGTH,
      kind: "a resource specifier",
    })),
  ];
  for (const { field, maxLength, kind } of fields) {
    const list = statement[field];
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_STATEMENT_ITEMS) {
      return {
        path: [index, field],
        message: `statement ${index}: "${field}" must have at most ${MAX_STATEMENT_ITEMS} items`,
      };
    }
    for (const [position, entry] of list.entries()) {
      const problem = entryError(field, entry, maxLength, kind);
      if (problem !== null)
        return { path: [index, field, position], message: `statement ${index}: ${problem}` };
    }
  }
  return null;
}

/**
 * The first limit (`policy-limits.ts`) that a policy, as received, goes beyond; null when it is within all of them.
 * It only counts and measures, so it runs before the schema, whose checks match action patterns against the vocabulary:
 * an oversized policy is refused for the cost of reading it once. Anything that is not the right shape is left to the
 * schema to describe.
 */
export function policyLimitError(policy: unknown): PolicyLimitError | null {
  if (!Array.isArray(policy)) return null;
  if (policy.length > MAX_POLICY_STATEMENTS)
    return { path: [], message: `a policy has at most ${MAX_POLICY_STATEMENTS} statements` };
  let entries = 0;
  for (const [index, statement] of policy.entries()) {
    if (typeof statement !== "object" || statement === null || Array.isArray(statement)) continue;
    const fields = statement as Record<string, unknown>;
    const problem = listErrors(fields, index);
    if (problem !== null) return problem;
    for (const field of [...ACTION_FIELDS, ...RESOURCE_FIELDS]) {
      const list = fields[field];
      if (Array.isArray(list)) entries += list.length;
    }
  }
  if (entries > MAX_POLICY_ENTRIES) {
    return {
      path: [],
      message: `a policy has at most ${MAX_POLICY_ENTRIES} actions and resources in all its statements together`,
    };
  }
  return null;
}
