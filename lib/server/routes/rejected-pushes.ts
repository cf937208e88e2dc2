import "server-only";
import { rejectedPushPageSchema, rejectedPushesQuerySchema } from "@/lib/schemas/rejected-push";
import { defineRoute } from "@/lib/server/api/define-route";
import { json } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listRejectedPushes } from "@/lib/server/rejected-pushes/list-rejected-pushes";
import {
  MAX_REJECTED_PUSH_ROWS_PER_MINUTE,
  REJECTED_PUSH_RETENTION_DAYS,
} from "@/lib/server/rejected-pushes/rejected-push-limits";

/** The refused partner pushes and membership writes of an environment, beside its sync runs. */
export const rejectedPushRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v2/rejected-pushes",
    schemas: { query: rejectedPushesQuerySchema },
    openapi: {
      tag: "Sync",
      summary: "List an environment's refused partner pushes and membership writes, most recent first",
      description:
        "Who may view the environment's sync runs (`viewEnvironment`) may list them; others get 404 as for an unknown " +
        "environment. Refusals that named no existing environment (a bad token on the partner path, whose body is " +
        "not read; an unknown client-side ID) are listed too for the built-in owner and admin roles only. Kept " +
        `${REJECTED_PUSH_RETENTION_DAYS} days; above ${MAX_REJECTED_PUSH_ROWS_PER_MINUTE} rows per minute for one ` +
        "environment, integration and reason, one aggregate row per minute counts the rest.",
      success: { description: "Refused requests", schema: rejectedPushPageSchema },
      errors: [404],
    },
    handle: async ({ query, principal }) => {
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        query.projectKey,
        query.environmentKey,
      );
      return json(
        await listRejectedPushes(principal, environment, { limit: query.limit, before: query.before }),
      );
    },
  }),
];
