import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

const CLIENT_SIDE_ID = /^[0-9a-f]{24}$/;

export type PartnerEnvironment = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/** Partners name the environment only by its client-side ID (LD_COMPAT §2); an unknown one is 404. */
export async function findEnvironmentByClientSideId(clientSideId: string): Promise<PartnerEnvironment> {
  const environment = CLIENT_SIDE_ID.test(clientSideId)
    ? await prisma.environment.findUnique({
        where: { clientSideId },
        select: { id: true, key: true, tags: true, project: { select: { key: true, tags: true } } },
      })
    : null;
  if (!environment) {
    const shown = clientSideId.length > 64 ? `${clientSideId.slice(0, 64)}...` : clientSideId;
    throw new ApiError("not_found", `Unknown environment: no environment has the client-side ID "${shown}"`);
  }
  return environment;
}
