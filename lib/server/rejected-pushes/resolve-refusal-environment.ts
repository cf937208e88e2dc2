import "server-only";
import { prisma } from "@/lib/server/db";
import type { RefusalEnvironment } from "@/lib/server/rejected-pushes/refusal";

const CLIENT_SIDE_ID = /^[0-9a-f]{24}$/;

/** The id of the environment a refused request named, or null when it named none that exists. */
export async function resolveRefusalEnvironment(target: RefusalEnvironment): Promise<string | null> {
  if (target === null) return null;
  if ("clientSideId" in target) {
    if (!CLIENT_SIDE_ID.test(target.clientSideId)) return null;
    const environment = await prisma.environment.findUnique({
      where: { clientSideId: target.clientSideId },
      select: { id: true },
    });
    return environment?.id ?? null;
  }
  const environment = await prisma.environment.findFirst({
    where: { key: target.environmentKey, project: { key: target.projectKey } },
    select: { id: true },
  });
  return environment?.id ?? null;
}
