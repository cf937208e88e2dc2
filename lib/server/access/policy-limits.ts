/**
 * Bounds on everything a caller can put into the policy engine (docs/policies.md lists them). Each is far above what a
 * real role needs; together they bound the work one policy or one request can make the engine do. A policy is stored
 * once and evaluated on every later request, so what it may contain is checked where it enters (role and token writes,
 * the policy tester, the audit log's `spec`), before any of it is matched against anything.
 */

/** Statements in one policy. */
export const MAX_POLICY_STATEMENTS = 100;

/** Entries in one statement's `actions`, `notActions`, `resources` or `notResources`. */
export const MAX_STATEMENT_ITEMS = 256;

/**
 * Entries in one policy, all statements and all four lists together. The per-statement bound alone would allow 102,400,
 * and every request of a principal holding the policy would match against all of them.
 */
export const MAX_POLICY_ENTRIES = 1_000;

/** Characters in one action or action pattern (LaunchDarkly's longest action name has under 50). */
export const MAX_ACTION_LENGTH = 128;

/** Characters in one resource specifier, all its parts and tags included. */
export const MAX_SPECIFIER_LENGTH = 1024;

/** `*` in one action pattern, and in one resource specifier counting all its parts. */
export const MAX_GLOB_WILDCARDS = 16;

/** Characters in one concrete resource asked about in the policy tester. */
export const MAX_CHECKED_RESOURCE_LENGTH = 2048;

/** Checks in one policy-tester request. */
export const MAX_ACCESS_CHECKS = 200;
