import { membershipChangeSchema } from "@/lib/schemas/membership";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { noContent } from "@/lib/server/api/responses";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

// LaunchDarkly's older name for the contexts endpoint: same body, same behaviour, its own rate-limit bucket.
export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const change = membershipChangeSchema.parse(await readJsonBody(req));
    const segment = await getMembershipSegmentOrThrow(
      params.projectKey,
      params.environmentKey,
      params.segmentKey,
    );
    await pushContextChanges({ segment, principal, change, source: "contexts" });
    return noContent();
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users" },
);
