import "server-only";
import type { ProjectCreate } from "@/lib/schemas/project";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { generateClientSideId } from "@/lib/server/environments/generate-client-side-id";
import { serializeProjectRep } from "@/lib/server/projects/serialize-project";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

const DEFAULT_ENVIRONMENTS: ProjectCreate["environments"] = [
  { key: "production", name: "Production" },
  { key: "test", name: "Test" },
];

/** Creates a project with its environments (production and test when none are given), audited in the same transaction. */
export async function createProject(principal: Principal | null, input: ProjectCreate) {
  const environments = input.environments ?? DEFAULT_ENVIRONMENTS ?? [];
  const keys = new Set(environments.map((environment) => environment.key));
  if (keys.size !== environments.length)
    throw new ApiError("invalid_request", "Environment keys must be unique");

  const project = await runTransaction(async (tx) => {
    const existing = await tx.project.findUnique({ where: { key: input.key }, select: { id: true } });
    if (existing) throw new ApiError("conflict", `A project with key "${input.key}" already exists`);
    const created = await tx.project.create({
      data: {
        key: input.key,
        name: input.name,
        tags: input.tags ?? [],
        environments: {
          create: environments.map((environment) => ({
            key: environment.key,
            name: environment.name,
            tags: environment.tags ?? [],
            clientSideId: generateClientSideId(),
          })),
        },
      },
      include: { environments: { orderBy: { createdAt: "asc" } } },
    });
    const serialized = serializeProjectRep(created);
    await recordAuditEntry(tx, principal, {
      kind: "project",
      name: created.name,
      description: `Created project ${created.key}`,
      action: "createProject",
      target: projectResource(created),
      current: { key: created.key, name: created.name, tags: created.tags },
    });
    for (const environment of created.environments) {
      await recordAuditEntry(tx, principal, {
        kind: "environment",
        name: environment.name,
        description: `Created environment ${environment.key} in project ${created.key}`,
        action: "createEnvironment",
        target: environmentResource(created, environment),
        current: { key: environment.key, name: environment.name },
      });
    }
    return serialized;
  });
  return project;
}
