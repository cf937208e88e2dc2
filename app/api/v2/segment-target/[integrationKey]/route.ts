import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
// LaunchDarkly also accepts the singular path; both are one handler.
export { POST } from "@/app/api/v2/segment-targets/[integrationKey]/route";

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segment-target/{integrationKey}",
  ["POST"],
);
