import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
// LaunchDarkly's older name for the contexts endpoint: same body, same behaviour, one handler.
export { POST } from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/users",
  ["POST"],
);
