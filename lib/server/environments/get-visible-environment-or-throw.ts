import "server-only";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";

/**
 * An environment the caller may view (`viewEnvironment`), with its project. A caller who may not gets the same 404 as for
 * a key that does not exist. The API and the dashboard's pages both read environments through this.
 */
export async function getVisibleEnvironmentOrThrow(
  principal: Principal,
  projectKey: string,
  environmentKey: string,
) {
  const environment = await getEnvironmentOrThrow(projectKey, environmentKey);
  if (
    !checkAccess(principal, "viewEnvironment", environmentResource(environment.project, environment)).allowed
  ) {
    throw environmentNotFound(projectKey, environmentKey);
  }
  return environment;
}
