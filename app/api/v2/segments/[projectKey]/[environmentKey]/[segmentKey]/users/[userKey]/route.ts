import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { getVisibleContextMembership } from "@/lib/server/segments/get-visible-context-membership";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; userKey: string };

/** LaunchDarkly's older, user-keyed path (its client's getSegmentMembershipForUser) for the contexts lookup. */
export const GET = apiHandler<Params>(
  async ({ params, principal }) =>
    json(await getVisibleContextMembership(principal, { ...params, contextKey: params.userKey })),
  { route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users/{userKey}" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users/{userKey}",
  ["GET"],
);
