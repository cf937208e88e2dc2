import { z } from "zod";
import { nameSchema } from "@/lib/schemas/common";
import { policySchema } from "@/lib/schemas/policy";
import { ALL_ACTIONS, POLICY_ACTIONS } from "@/lib/server/access/actions";
import {
  MAX_ACCESS_CHECKS,
  MAX_ACTION_LENGTH,
  MAX_CHECKED_RESOURCE_LENGTH,
} from "@/lib/server/access/policy-limits";

/** Every action Tributary checks, for pickers in the dashboard (which may not import lib/server itself). */
export const ACCESS_ACTIONS: readonly string[] = ALL_ACTIONS;

/** The rest of what a policy may name: LaunchDarkly's actions that no Tributary request checks (they grant nothing here). */
export const LAUNCHDARKLY_ONLY_ACTIONS: readonly string[] = POLICY_ACTIONS.filter(
  (action) => !ACCESS_ACTIONS.includes(action),
);

export { MAX_ACCESS_CHECKS };

const accessCheckItemSchema = z.object({
  action: z
    .string()
    .min(1, "must not be empty")
    .max(MAX_ACTION_LENGTH, `must be at most ${MAX_ACTION_LENGTH} characters`)
    .meta({
      description: "An action name such as `createAccessToken`; an unknown action is denied with a reason",
    }),
  resource: z
    .string()
    .min(1, "must not be empty")
    .max(MAX_CHECKED_RESOURCE_LENGTH, `must be at most ${MAX_CHECKED_RESOURCE_LENGTH} characters`)
    .meta({
      description:
        "A concrete resource such as `service-token/*` (a `*` here is a literal name that only a policy's glob covers); one that does not parse is denied with a reason",
    }),
});
export type AccessCheckItem = z.infer<typeof accessCheckItemSchema>;

export const accessCheckRequestSchema = z
  .object({
    checks: z.preprocess(
      (input, context) => {
        // Counted before any item is read, so an oversized list costs no more than its length.
        if (Array.isArray(input) && input.length > MAX_ACCESS_CHECKS)
          context.issues.push({ code: "custom", input, message: `at most ${MAX_ACCESS_CHECKS} checks` });
        return input;
      },
      z
        .array(accessCheckItemSchema)
        .min(1, "must not be empty")
        .max(MAX_ACCESS_CHECKS, `at most ${MAX_ACCESS_CHECKS} checks`),
    ),
    policy: policySchema.optional().meta({
      description:
        "Evaluate these statements (a role being edited) instead of the caller's own access; nothing is stored",
    }),
    policyName: nameSchema
      .optional()
      .meta({ description: "How reasons name `policy`, e.g. the role's key; default `policy`" }),
  })
  .meta({ id: "AccessCheckRequest" });
export type AccessCheckRequest = z.infer<typeof accessCheckRequestSchema>;

export const accessCheckResultSchema = accessCheckItemSchema.extend({
  allowed: z.boolean(),
  reason: z.string().meta({ description: "Which role and statement decided, or why nothing allowed it" }),
});
export type AccessCheckResult = z.infer<typeof accessCheckResultSchema>;

export const accessCheckResponseSchema = z
  .object({
    results: z.array(accessCheckResultSchema).meta({ description: "One per check, in the order asked" }),
  })
  .meta({ id: "AccessCheckResponse" });
export type AccessCheckResponse = z.infer<typeof accessCheckResponseSchema>;
