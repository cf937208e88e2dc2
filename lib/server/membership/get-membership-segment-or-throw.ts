import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

/** A segment with what access checks need (its project's and environment's keys and tags). */
export type MembershipSegment = {
  id: number;
  key: string;
  name: string;
  tags: string[];
  environmentId: string;
  includedCount: number;
  environment: { key: string; tags: string[] };
  project: { key: string; tags: string[] };
};

export async function getMembershipSegmentOrThrow(
  projectKey: string,
  environmentKey: string,
  segmentKey: string,
): Promise<MembershipSegment> {
  const segment = await prisma.segment.findFirst({
    where: { key: segmentKey, environment: { key: environmentKey, project: { key: projectKey } } },
    select: {
      id: true,
      key: true,
      name: true,
      tags: true,
      environmentId: true,
      includedCount: true,
      environment: { select: { key: true, tags: true, project: { select: { key: true, tags: true } } } },
    },
  });
  if (!segment) {
    throw new ApiError(
      "not_found",
      `Segment "${segmentKey}" not found in environment "${environmentKey}" of project "${projectKey}"`,
    );
  }
  const { environment, ...rest } = segment;
  return {
    ...rest,
    environment: { key: environment.key, tags: environment.tags },
    project: environment.project,
  };
}
