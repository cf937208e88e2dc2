import { z } from "zod";
import { nameSchema } from "@/lib/schemas/common";

/** Limits of alerting, each enforced before any work (see the README's alert section). */
export const MAX_ALERT_RULES_PER_ENVIRONMENT = 50;
export const MAX_ALERT_DESTINATIONS_PER_ENVIRONMENT = 20;
export const MAX_ALERT_URL_LENGTH = 2048;
/** segment_stale: the longest expected interval one may set (30 days). */
export const MAX_EXPECTED_INTERVAL_MINUTES = 43_200;
/** rejected_pushes_over: the longest counting window (1 day). */
export const MAX_REJECTED_PUSH_WINDOW_MINUTES = 1_440;

export const ALERT_RULE_KINDS = [
  "sync_failed",
  "sync_skipped_over",
  "segment_stale",
  "store_unavailable",
  "rejected_pushes_over",
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_DESTINATION_KINDS = ["webhook", "slack"] as const;
export const ALERT_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

const ruleFields = {
  name: nameSchema,
  on: z.boolean().optional(),
  threshold: z.number().int().min(0).max(1_000_000).nullable().optional().meta({
    description:
      "sync_skipped_over: percent of a run's received members skipped (0-100); rejected_pushes_over: count",
  }),
  windowMinutes: z.number().int().min(1).max(MAX_REJECTED_PUSH_WINDOW_MINUTES).nullable().optional(),
  segmentKey: z.string().min(1).max(256).nullable().optional(),
  expectedIntervalMinutes: z.number().int().min(1).max(MAX_EXPECTED_INTERVAL_MINUTES).nullable().optional(),
};

type RuleShape = {
  kind?: AlertRuleKind;
  threshold?: number | null;
  windowMinutes?: number | null;
};

/** The fields each kind needs; checked for a new rule and for a rule after a patch. */
export function alertRuleProblem(rule: RuleShape): string | null {
  if (rule.kind === "sync_skipped_over") {
    if (rule.threshold == null || rule.threshold > 100)
      return "threshold: a percentage from 0 to 100 is required";
  }
  if (rule.kind === "rejected_pushes_over") {
    if (rule.threshold == null) return "threshold: a count of refused requests is required";
    if (rule.windowMinutes == null) return "windowMinutes: the counting window is required";
  }
  return null;
}

export const alertRuleCreateSchema = z
  .object({ kind: z.enum(ALERT_RULE_KINDS), ...ruleFields })
  .strict()
  .superRefine((rule, context) => {
    const problem = alertRuleProblem(rule);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
export type AlertRuleCreate = z.output<typeof alertRuleCreateSchema>;

export const alertRuleUpdateSchema = z.object(ruleFields).partial().strict();
export type AlertRuleUpdate = z.output<typeof alertRuleUpdateSchema>;

export const alertRuleSchema = z.object({
  _id: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  name: z.string(),
  on: z.boolean(),
  threshold: z.number().nullable(),
  windowMinutes: z.number().nullable(),
  segmentKey: z.string().nullable(),
  expectedIntervalMinutes: z.number().nullable(),
  creationDate: z.number(),
});
export type AlertRule = z.output<typeof alertRuleSchema>;

const urlSchema = z
  .string()
  .max(MAX_ALERT_URL_LENGTH)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL without credentials");

export const alertDestinationCreateSchema = z
  .object({ kind: z.enum(ALERT_DESTINATION_KINDS), name: nameSchema, url: urlSchema })
  .strict();
export type AlertDestinationCreate = z.output<typeof alertDestinationCreateSchema>;

export const alertDestinationUpdateSchema = z.object({ name: nameSchema, url: urlSchema }).partial().strict();
export type AlertDestinationUpdate = z.output<typeof alertDestinationUpdateSchema>;

export const alertDestinationSchema = z.object({
  _id: z.string(),
  kind: z.enum(ALERT_DESTINATION_KINDS),
  name: z.string(),
  url: z
    .string()
    .meta({ description: "A webhook's URL without its query string; a Slack URL's origin only" }),
  creationDate: z.number(),
  secret: z
    .string()
    .optional()
    .meta({ description: "The webhook's signing secret: in the creation answer only" }),
});
export type AlertDestination = z.output<typeof alertDestinationSchema>;

export const alertDeliverySchema = z.object({
  _id: z.string(),
  destinationId: z.string(),
  destinationName: z.string(),
  event: z.string(),
  status: z.enum(ALERT_DELIVERY_STATUSES),
  attempts: z.number(),
  creationDate: z.number(),
  nextAttemptDate: z.number().nullable(),
  lastAttemptDate: z.number().nullable(),
  lastResponseCode: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type AlertDelivery = z.output<typeof alertDeliverySchema>;

export const alertIncidentSchema = z.object({
  _id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  subject: z.string(),
  summary: z.string(),
  openedDate: z.number(),
  segmentKey: z.string().nullable(),
});
export type AlertIncident = z.output<typeof alertIncidentSchema>;

export const alertRuleCollectionSchema = z.object({ items: z.array(alertRuleSchema) });
export const alertDestinationCollectionSchema = z.object({ items: z.array(alertDestinationSchema) });
export const alertDeliveryCollectionSchema = z.object({ items: z.array(alertDeliverySchema) });
export const alertIncidentCollectionSchema = z.object({ items: z.array(alertIncidentSchema) });
