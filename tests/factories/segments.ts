import { prisma } from "@/lib/server/db";
import { getMembershipSegmentOrThrow } from "@/lib/server/membership/get-membership-segment-or-throw";
import { pushContextChanges } from "@/lib/server/membership/push-context-changes";
import { runTransaction } from "@/lib/server/transactions/run-transaction";
import { unique } from "./unique";

export type TestSegmentOptions = {
  key?: string;
  name?: string;
  tags?: string[];
  unbounded?: boolean;
  kind?: string;
  /** Included context keys, written through the membership engine (one `import` sync run). */
  members?: string[];
  excluded?: string[];
};

/** A segment in `environment`, created with the next generation for its key, with members written by the real engine. */
export async function createTestSegment(
  environment: { id: string; key: string; projectId: string },
  options: TestSegmentOptions = {},
) {
  const key = options.key ?? unique("seg");
  const created = await runTransaction(async (tx) => {
    const last = await tx.segmentGeneration.findUnique({
      where: { environmentId_key: { environmentId: environment.id, key } },
    });
    const generation = (last?.generation ?? 0) + 1;
    await tx.segmentGeneration.upsert({
      where: { environmentId_key: { environmentId: environment.id, key } },
      create: { environmentId: environment.id, key, generation },
      update: { generation },
    });
    return tx.segment.create({
      data: {
        environmentId: environment.id,
        key,
        name: options.name ?? key,
        tags: options.tags ?? [],
        generation,
        unbounded: options.unbounded ?? true,
        unboundedContextKind: options.kind ?? "user",
      },
    });
  });
  if ((options.members?.length ?? 0) > 0 || (options.excluded?.length ?? 0) > 0) {
    const project = await prisma.project.findUniqueOrThrow({ where: { id: environment.projectId } });
    const segment = await getMembershipSegmentOrThrow(project.key, environment.key, key);
    await pushContextChanges({
      segment,
      principal: null,
      change: { included: { add: options.members ?? [] }, excluded: { add: options.excluded ?? [] } },
      source: "import",
    });
  }
  return prisma.segment.findUniqueOrThrow({ where: { id: created.id } });
}
