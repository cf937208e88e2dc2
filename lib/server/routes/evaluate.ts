import "server-only";
import {
  evaluateContextSchema,
  evaluateResponseSchema,
  type EvaluatedSegment,
} from "@/lib/schemas/membership";
import { environmentPathSchema } from "@/lib/schemas/path-params";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { defineRoute } from "@/lib/server/api/define-route";
import { json } from "@/lib/server/api/responses";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { maySeeEnvironment } from "@/lib/server/environments/may-see-environment";
import { evaluateContextSegments } from "@/lib/server/membership/evaluate-context-segments";

function segmentPath(projectKey: string, environmentKey: string, segmentKey: string): string {
  return `/api/v2/segments/${[projectKey, environmentKey, segmentKey].map(encodeURIComponent).join("/")}`;
}

/** The segments a context belongs to, among those the caller may view. */
export const evaluateRoute = defineRoute({
  method: "POST",
  path: "/api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
  schemas: { params: environmentPathSchema, body: evaluateContextSchema },
  openapi: {
    tag: "Sync",
    summary: "List the segments a context belongs to",
    success: { description: "Segments", schema: evaluateResponseSchema },
    errors: [404, 413, 415],
  },
  handle: async ({ req, params, body, principal }) => {
    const { project, environment, segments } = await evaluateContextSegments(
      params.projectKey,
      params.environmentKey,
      body,
    );
    if (!(await maySeeEnvironment(principal, { ...environment, project }))) {
      throw environmentNotFound(params.projectKey, params.environmentKey);
    }
    // Only segments the caller may view; membership is the only way a segment gets here (no rules yet).
    const items: EvaluatedSegment[] = segments
      .filter(
        (segment) =>
          checkAccess(principal, "viewSegment", segmentResource(project, environment, segment)).allowed,
      )
      .map((segment) => ({
        key: segment.key,
        name: segment.name,
        // LaunchDarkly's model requires both as strings: empty when the segment has none.
        description: segment.description ?? "",
        unbounded: segment.unbounded,
        external: segment.external ?? "",
        isMember: true,
        isIndividuallyTargeted: true,
        isRuleTargeted: false,
        _links: {
          self: { href: segmentPath(project.key, environment.key, segment.key), type: "application/json" },
        },
      }));
    return json({ items, _links: { self: { href: req.nextUrl.pathname, type: "application/json" } } });
  },
});
