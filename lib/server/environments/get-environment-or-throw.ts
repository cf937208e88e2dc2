import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

export async function getEnvironmentOrThrow(projectKey: string, environmentKey: string) {
  const environment = await prisma.environment.findFirst({
    where: { key: environmentKey, project: { key: projectKey } },
    include: { project: true },
  });
  if (!environment) {
    throw new ApiError("not_found", `Environment "${environmentKey}" not found in project "${projectKey}"`);
  }
  return environment;
}
