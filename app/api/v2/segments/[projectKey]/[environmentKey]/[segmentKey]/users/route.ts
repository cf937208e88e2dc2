// LaunchDarkly's older name for the contexts endpoint: same body, same behaviour, one handler.
export { POST } from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
