import * as contextRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import { callRoute } from "@/tests/support/call-route";

/** A function that looks `contextKey` up in a production segment through the real route, as `token`. */
export function membershipLookup(
  projectKey: string,
  segmentKey: string,
  token: string,
  contextKey = "member",
) {
  return () =>
    callRoute(contextRoute.GET, {
      path: `/api/v2/segments/${projectKey}/production/${segmentKey}/contexts/${contextKey}`,
      params: { projectKey, environmentKey: "production", segmentKey, contextKey },
      token,
    });
}
