import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { getEnvironmentOrThrow } from "@/lib/server/environments/get-environment-or-throw";

/** The segment with its environment (and the environment's project); 404 names whichever is missing. */
export async function getSegmentOrThrow(projectKey: string, environmentKey: string, segmentKey: string) {
  const environment = await getEnvironmentOrThrow(projectKey, environmentKey);
  const segment = await prisma.segment.findUnique({
    where: { environmentId_key: { environmentId: environment.id, key: segmentKey } },
  });
  if (!segment) {
    throw new ApiError(
      "not_found",
      `Segment "${segmentKey}" not found in environment "${environmentKey}" of project "${projectKey}"`,
    );
  }
  return { environment, segment };
}
