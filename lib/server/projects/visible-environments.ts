import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";

type Tagged = { key: string; tags: string[] };

/** A project with only the environments the caller may view, so a client-side ID it may not read is never sent. */
export function visibleEnvironments<P extends Tagged & { environments: Tagged[] }>(
  principal: Principal,
  project: P,
): P {
  const environments = project.environments.filter(
    (environment) =>
      checkAccess(principal, "viewEnvironment", environmentResource(project, environment)).allowed,
  );
  return { ...project, environments };
}
