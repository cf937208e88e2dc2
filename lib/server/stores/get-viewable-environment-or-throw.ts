import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource } from "@/lib/server/access/resource-names";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";

/**
 * The environment of a store route, answered exactly like an unknown one (same 404, same body) when the caller may not
 * view it, so that store routes do not tell which projects and environments exist.
 */
export async function getViewableEnvironmentOrThrow(
  principal: Principal,
  projectKey: string,
  environmentKey: string,
) {
  const environment = await getEnvironmentOrThrow(projectKey, environmentKey);
  if (
    !checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment)).allowed
  )
    throw new ApiError("not_found", `Environment "${environmentKey}" not found in project "${projectKey}"`);
  return environment;
}
