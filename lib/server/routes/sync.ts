import "server-only";
import { z } from "zod";
import { apiVersionsSchema } from "@/lib/schemas/api-versions";
import { contextMembershipSchema, membershipChangeSchema } from "@/lib/schemas/membership";
import { segmentPathSchema } from "@/lib/schemas/path-params";
import {
  environmentSyncRunsQuerySchema,
  integrationListSchema,
  syncRunCollectionSchema,
} from "@/lib/schemas/sync-run";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { toCollection } from "@/lib/server/api/collection";
import { defineAlias, defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listVisibleEnvironmentSyncRuns } from "@/lib/server/environments/list-visible-environment-sync-runs";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { memberSample } from "@/lib/server/rejected-pushes/member-sample";
import { recordRouteRefusals } from "@/lib/server/rejected-pushes/record-route-refusals";
import { attachRefusalDetails } from "@/lib/server/rejected-pushes/refusal-details";
import { evaluateRoute } from "@/lib/server/routes/evaluate";
import { partnerPushRoute } from "@/lib/server/routes/partner-push";
import { getVisibleContextMembership } from "@/lib/server/segments/get-visible-context-membership";
import { segmentsNotFound } from "@/lib/server/segments/segments-not-found";
import { listIntegrations } from "@/lib/server/sync/list-integrations";
import { describeApiVersions } from "@/lib/server/versions/describe-api-versions";

const SEGMENT = "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}";
const contextKey = z.string().meta({ description: "The context key, percent-encoded" });
const userKey = z.string().meta({ description: "The context key" });

/** Who may neither view a segment nor change its membership gets the answer of a made-up key (nor a failed sync run). */
const SEES_SEGMENT = ["viewSegment", "updateIncluded", "updateExcluded"];

const contextsPush = defineRoute({
  method: "POST",
  path: `${SEGMENT}/contexts`,
  schemas: { params: segmentPathSchema, body: membershipChangeSchema },
  openapi: {
    tag: "Sync",
    summary: "Add or remove a segment's included and excluded contexts",
    description:
      "Needs `updateIncluded`, and `updateExcluded` for excluded keys. An invalid key rejects the request.",
    success: { description: "Applied" },
    errors: [403, 404, 413, 415, 503],
  },
  onRefused: recordRouteRefusals(({ params }) => ({
    integrationKey: "contexts",
    environment:
      params.projectKey && params.environmentKey
        ? { projectKey: params.projectKey, environmentKey: params.environmentKey }
        : null,
  })),
  handle: async ({ req, params, body, principal }) => {
    try {
      const segment = await getMembershipSegmentOrThrow(
        params.projectKey,
        params.environmentKey,
        params.segmentKey,
      );
      const resource = segmentResource(segment.project, segment.environment, segment);
      if (!SEES_SEGMENT.some((action) => checkAccess(principal, action, resource).allowed)) {
        throw segmentsNotFound(params.projectKey, params.environmentKey, [params.segmentKey]);
      }
      await pushContextChanges({ segment, principal, change: body, source: "contexts" });
      return noContent();
    } catch (error) {
      const { included, excluded } = body;
      const sample = memberSample([included?.add, included?.remove, excluded?.add, excluded?.remove]);
      attachRefusalDetails(req, { clientSideId: null, memberSample: sample });
      throw error;
    }
  },
});

/** The sync API: partner pushes, membership changes and lookups, evaluation, sync runs, and what tools call to check. */
export const syncRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v2/versions",
    openapi: {
      tag: "Sync",
      summary: "List the API versions (tools call it to check their token)",
      description:
        "Any valid token may call it; an invalid one gets 401. Tributary answers every version the same way.",
      success: { description: "Versions", schema: apiVersionsSchema },
    },
    handle: ({ req }) => Promise.resolve(json(describeApiVersions(req.headers.get("ld-api-version")))),
  }),
  partnerPushRoute,
  defineAlias(partnerPushRoute, "/api/v2/segment-target/{integrationKey}"),
  // Public information: any authenticated principal may read it.
  defineRoute({
    method: "GET",
    path: "/api/v2/integrations",
    openapi: {
      tag: "Sync",
      summary: "List the partner integrations",
      success: { description: "Integrations", schema: integrationListSchema },
    },
    handle: () => Promise.resolve(json({ items: listIntegrations() })),
  }),
  contextsPush,
  // LaunchDarkly's older name for the contexts endpoint: same body, same behaviour, one handler.
  defineAlias(contextsPush, `${SEGMENT}/users`),
  defineRoute({
    method: "GET",
    path: `${SEGMENT}/contexts/{contextKey}`,
    schemas: { params: segmentPathSchema.extend({ contextKey }) },
    openapi: {
      tag: "Sync",
      summary: "Look up one context's membership in a segment",
      success: { description: "Membership", schema: contextMembershipSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => json(await getVisibleContextMembership(principal, params)),
  }),
  // LaunchDarkly's older, user-keyed path (its client's getSegmentMembershipForUser) for the contexts lookup.
  defineRoute({
    method: "GET",
    path: `${SEGMENT}/users/{userKey}`,
    schemas: { params: segmentPathSchema.extend({ userKey }) },
    openapi: {
      tag: "Sync",
      summary: "Look up one context's membership in a segment (LaunchDarkly's user-keyed path)",
      description:
        "The same answer as `.../contexts/{contextKey}`, for clients that still use the user-keyed path.",
      success: { description: "Membership", schema: contextMembershipSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) =>
      json(await getVisibleContextMembership(principal, { ...params, contextKey: params.userKey })),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v2/syncs",
    schemas: { query: environmentSyncRunsQuerySchema },
    openapi: {
      tag: "Sync",
      summary: "List an environment's sync runs, newest first",
      success: { description: "Sync runs", schema: syncRunCollectionSchema },
      errors: [403, 404],
    },
    handle: async ({ req, query, principal }) => {
      const environment = await getVisibleEnvironmentOrThrow(
        principal,
        query.projectKey,
        query.environmentKey,
      );
      const { items, totalCount } = await listVisibleEnvironmentSyncRuns(principal, environment, {
        integration: query.integration,
        status: query.status,
        segment: query.segment,
        limit: query.limit,
        offset: query.offset,
      });
      return json(
        toCollection(items, totalCount, { url: req.nextUrl, limit: query.limit, offset: query.offset }),
      );
    },
  }),
  evaluateRoute,
];
