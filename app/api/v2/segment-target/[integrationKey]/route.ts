// LaunchDarkly also accepts the singular path; both are one handler.
export { POST } from "@/app/api/v2/segment-targets/[integrationKey]/route";
