import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { evaluateContextSchema, type EvaluatedSegment } from "@/lib/schemas/membership";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { maySeeEnvironment } from "@/lib/server/environments/may-see-environment";
import { evaluateContextSegments } from "@/lib/server/membership/evaluate-context-segments";

type Params = { projectKey: string; environmentKey: string };

function segmentPath(projectKey: string, environmentKey: string, segmentKey: string): string {
  return `/api/v2/segments/${[projectKey, environmentKey, segmentKey].map(encodeURIComponent).join("/")}`;
}

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const context = evaluateContextSchema.parse(await readJsonBody(req));
    const { project, environment, segments } = await evaluateContextSegments(
      params.projectKey,
      params.environmentKey,
      context,
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
  { route: "POST /api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
  ["POST"],
);
