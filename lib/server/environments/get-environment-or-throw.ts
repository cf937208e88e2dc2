import "server-only";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { findEnvironment } from "@/lib/server/environments/find-environment";

export async function getEnvironmentOrThrow(projectKey: string, environmentKey: string) {
  const environment = await findEnvironment(projectKey, environmentKey);
  if (!environment) throw environmentNotFound(projectKey, environmentKey);
  return environment;
}
