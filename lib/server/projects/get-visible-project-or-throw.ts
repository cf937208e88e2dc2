import "server-only";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { projectResource } from "@/lib/server/access/resource-names";
import { getProjectOrThrow } from "@/lib/server/projects/get-project-or-throw";
import { projectNotFound } from "@/lib/server/projects/project-not-found";
import { visibleEnvironments } from "@/lib/server/projects/visible-environments";

/**
 * A project the caller may view, with only the environments it may view. A caller who may not view it gets the same
 * 404 as for a key that does not exist. The API and the dashboard's pages both read projects through this.
 */
export async function getVisibleProjectOrThrow(principal: Principal, projectKey: string) {
  const project = await getProjectOrThrow(projectKey);
  if (!checkAccess(principal, "viewProject", projectResource(project)).allowed)
    throw projectNotFound(projectKey);
  return visibleEnvironments(principal, project);
}
