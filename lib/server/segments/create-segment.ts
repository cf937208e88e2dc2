import "server-only";
import type { SegmentCreate } from "@/lib/schemas/segment";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { nextSegmentGeneration } from "@/lib/server/segments/next-segment-generation";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

/** Creates a segment with the next generation for its key, audited in the same transaction. */
export async function createSegment(
  principal: Principal | null,
  environment: EnvironmentWithProject,
  input: SegmentCreate,
) {
  return runTransaction(async (tx) => {
    const existing = await tx.segment.findUnique({
      where: { environmentId_key: { environmentId: environment.id, key: input.key } },
      select: { id: true },
    });
    if (existing) {
      throw new ApiError(
        "conflict",
        `A segment with key "${input.key}" already exists in environment "${environment.key}"`,
      );
    }
    const generation = await nextSegmentGeneration(tx, environment.id, input.key);
    const segment = await tx.segment.create({
      data: {
        environmentId: environment.id,
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        tags: input.tags ?? [],
        generation,
        unbounded: input.unbounded ?? false,
        unboundedContextKind: input.unboundedContextKind ?? "user",
      },
    });
    await recordAuditEntry(tx, principal, {
      kind: "segment",
      name: segment.name,
      description: `Created segment ${segment.key} in ${environment.project.key}/${environment.key}`,
      action: "createSegment",
      target: segmentResource(environment.project, environment, segment),
      current: {
        key: segment.key,
        name: segment.name,
        description: segment.description,
        tags: segment.tags,
        unbounded: segment.unbounded,
        unboundedContextKind: segment.unboundedContextKind,
        generation: segment.generation,
        version: segment.version,
      },
    });
    return serializeSegment(segment, {
      projectKey: environment.project.key,
      environmentKey: environment.key,
    });
  });
}
