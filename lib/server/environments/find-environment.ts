import "server-only";
import { prisma } from "@/lib/server/db";

/** The environment with its project, or null when either is missing: for routes whose 404 names the segment. */
export async function findEnvironment(projectKey: string, environmentKey: string) {
  return prisma.environment.findFirst({
    where: { key: environmentKey, project: { key: projectKey } },
    include: { project: true },
  });
}
