import "server-only";
import { z } from "zod";
import {
  alertDeliveryCollectionSchema,
  alertDestinationCollectionSchema,
  alertDestinationCreateSchema,
  alertDestinationSchema,
  alertDestinationUpdateSchema,
  alertIncidentCollectionSchema,
  alertRuleCollectionSchema,
  alertRuleCreateSchema,
  alertRuleSchema,
  alertRuleUpdateSchema,
} from "@/lib/schemas/alerts";
import { environmentPathSchema } from "@/lib/schemas/path-params";
import { getAlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { createAlertDestination } from "@/lib/server/alerts/create-alert-destination";
import { createAlertRule } from "@/lib/server/alerts/create-alert-rule";
import { deleteAlertDestination } from "@/lib/server/alerts/delete-alert-destination";
import { deleteAlertRule } from "@/lib/server/alerts/delete-alert-rule";
import { listAlertDeliveries } from "@/lib/server/alerts/list-alert-deliveries";
import { listAlertDestinations } from "@/lib/server/alerts/list-alert-destinations";
import { listAlertRules } from "@/lib/server/alerts/list-alert-rules";
import { listOpenAlertIncidents } from "@/lib/server/alerts/list-open-alert-incidents";
import { sendTestAlert } from "@/lib/server/alerts/send-test-alert";
import { updateAlertDestination } from "@/lib/server/alerts/update-alert-destination";
import { updateAlertRule } from "@/lib/server/alerts/update-alert-rule";
import { defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";

const BASE = "/api/v2/alerts/{projectKey}/{environmentKey}";
const TAG = "Alerts";
const READ = "Needs `viewEnvironment` (else 404).";
const WRITE = "Needs `viewEnvironment` (else 404) and `updateEnvironment` (else 403). Audited.";

const rulePathSchema = environmentPathSchema.extend({ ruleId: z.uuid() });
const destinationPathSchema = environmentPathSchema.extend({ destinationId: z.uuid() });

/** Alert rules, destinations, the delivery log and open incidents of an environment (Tributary's own API). */
export const alertRoutes = [
  defineRoute({
    method: "GET",
    path: `${BASE}/rules`,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: TAG,
      summary: "List an environment's alert rules",
      description: READ,
      success: { description: "Rules", schema: alertRuleCollectionSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) =>
      json({ items: await listAlertRules(await getAlertEnvironment(principal, params, "read")) }),
  }),
  defineRoute({
    method: "POST",
    path: `${BASE}/rules`,
    schemas: { params: environmentPathSchema, body: alertRuleCreateSchema },
    openapi: {
      tag: TAG,
      summary: "Create an alert rule",
      description: `${WRITE} sync_skipped_over needs \`threshold\` (percent); rejected_pushes_over needs \`threshold\` and \`windowMinutes\`.`,
      success: { status: 201, description: "Created", schema: alertRuleSchema },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      return json(await createAlertRule(principal, environment, body), 201);
    },
  }),
  defineRoute({
    method: "PATCH",
    path: `${BASE}/rules/{ruleId}`,
    schemas: { params: rulePathSchema, body: alertRuleUpdateSchema },
    openapi: {
      tag: TAG,
      summary: "Change an alert rule (the fields given)",
      description: `${WRITE} Turning a rule off resolves its open incidents without a message.`,
      success: { description: "Updated", schema: alertRuleSchema },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      return json(await updateAlertRule(principal, environment, params.ruleId, body));
    },
  }),
  defineRoute({
    method: "DELETE",
    path: `${BASE}/rules/{ruleId}`,
    schemas: { params: rulePathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete an alert rule",
      description: WRITE,
      success: { status: 204, description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      await deleteAlertRule(principal, environment, params.ruleId);
      return noContent();
    },
  }),
  defineRoute({
    method: "GET",
    path: `${BASE}/destinations`,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: TAG,
      summary: "List an environment's alert destinations (never their secrets)",
      description: READ,
      success: { description: "Destinations", schema: alertDestinationCollectionSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) =>
      json({ items: await listAlertDestinations(await getAlertEnvironment(principal, params, "read")) }),
  }),
  defineRoute({
    method: "POST",
    path: `${BASE}/destinations`,
    schemas: { params: environmentPathSchema, body: alertDestinationCreateSchema },
    openapi: {
      tag: TAG,
      summary: "Create an alert destination",
      description: `${WRITE} A webhook's signing \`secret\` is in this answer only. An internal address (loopback, private, link-local) is refused unless TRIBUTARY_ALERT_ALLOWED_HOSTS names the host.`,
      success: { status: 201, description: "Created", schema: alertDestinationSchema },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      return json(await createAlertDestination(principal, environment, body), 201);
    },
  }),
  defineRoute({
    method: "PATCH",
    path: `${BASE}/destinations/{destinationId}`,
    schemas: { params: destinationPathSchema, body: alertDestinationUpdateSchema },
    openapi: {
      tag: TAG,
      summary: "Rename an alert destination or change its URL",
      description: WRITE,
      success: { description: "Updated", schema: alertDestinationSchema },
      errors: [403, 404, 413, 415],
    },
    handle: async ({ params, body, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      return json(await updateAlertDestination(principal, environment, params.destinationId, body));
    },
  }),
  defineRoute({
    method: "DELETE",
    path: `${BASE}/destinations/{destinationId}`,
    schemas: { params: destinationPathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete an alert destination and its delivery log",
      description: WRITE,
      success: { status: 204, description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      await deleteAlertDestination(principal, environment, params.destinationId);
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: `${BASE}/destinations/{destinationId}/test`,
    schemas: { params: destinationPathSchema },
    openapi: {
      tag: TAG,
      summary: "Send a test message to a destination",
      description:
        "Needs `viewEnvironment` (else 404) and `updateEnvironment` (else 403). Queues an `alert.test` message and sends it at once; the delivery log shows the outcome.",
      success: { status: 202, description: "Queued", schema: z.object({ deliveryId: z.string() }) },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "write");
      return json({ deliveryId: await sendTestAlert(environment, params.destinationId) }, 202);
    },
  }),
  defineRoute({
    method: "GET",
    path: `${BASE}/deliveries`,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: TAG,
      summary: "The delivery log: the latest 100 messages with status, attempts and response code",
      description: READ,
      success: { description: "Deliveries", schema: alertDeliveryCollectionSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) =>
      json({ items: await listAlertDeliveries(await getAlertEnvironment(principal, params, "read")) }),
  }),
  defineRoute({
    method: "GET",
    path: `${BASE}/incidents`,
    schemas: { params: environmentPathSchema },
    openapi: {
      tag: TAG,
      summary: "The environment's open alerts",
      description: `${READ} An alert about a segment the caller may not view is left out.`,
      success: { description: "Open incidents", schema: alertIncidentCollectionSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) => {
      const environment = await getAlertEnvironment(principal, params, "read");
      return json({ items: await listOpenAlertIncidents(principal, environment) });
    },
  }),
];
