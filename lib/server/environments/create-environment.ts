import "server-only";
import type { EnvironmentCreate } from "@/lib/schemas/environment";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { generateClientSideId } from "@/lib/server/environments/generate-client-side-id";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export async function createEnvironment(
  principal: Principal | null,
  project: { id: string; key: string; tags: string[] },
  input: EnvironmentCreate,
) {
  return runTransaction(async (tx) => {
    const existing = await tx.environment.findUnique({
      where: { projectId_key: { projectId: project.id, key: input.key } },
      select: { id: true },
    });
    if (existing) {
      throw new ApiError(
        "conflict",
        `An environment with key "${input.key}" already exists in project "${project.key}"`,
      );
    }
    const environment = await tx.environment.create({
      data: {
        projectId: project.id,
        key: input.key,
        name: input.name,
        tags: input.tags ?? [],
        clientSideId: generateClientSideId(),
      },
    });
    await recordAuditEntry(tx, principal, {
      kind: "environment",
      name: environment.name,
      description: `Created environment ${environment.key} in project ${project.key}`,
      action: "createEnvironment",
      target: environmentResource(project, environment),
      current: { key: environment.key, name: environment.name, tags: environment.tags },
    });
    return serializeEnvironment(project.key, environment);
  });
}
