import "server-only";
import { assertAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";

export type AlertEnvironment = Awaited<ReturnType<typeof getVisibleEnvironmentOrThrow>>;

/**
 * The environment whose alerts are read (`viewEnvironment`, else the 404 of a made-up key) or changed (also
 * `updateEnvironment`, else 403): alerting is part of an environment's settings.
 */
export async function getAlertEnvironment(
  principal: Principal,
  params: { projectKey: string; environmentKey: string },
  intent: "read" | "write",
): Promise<AlertEnvironment> {
  const environment = await getVisibleEnvironmentOrThrow(principal, params.projectKey, params.environmentKey);
  if (intent === "write")
    assertAccess(principal, "updateEnvironment", environmentResource(environment.project, environment));
  return environment;
}
