import "server-only";
import { deleteProjectRowStatement } from "@/lib/server/projects/delete-project-row-statement";
import { lockProjectEnvironmentsStatement } from "@/lib/server/projects/lock-project-environments-statement";
import { lockProjectForDeleteStatement } from "@/lib/server/projects/lock-project-for-delete-statement";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { projectResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { removeEnvironmentRows } from "@/lib/server/environments/remove-environment-rows";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { projectNotFound } from "@/lib/server/projects/project-not-found";

type ProjectRow = { id: string; key: string; name: string; tags: string[] };

/**
 * Deletes a project with every environment in it (as deleting each environment does: segments, members and sync history
 * go, stores are retired so the worker removes their Redis refs), audited in the same transaction. A caller who may not
 * see the project gets its 404.
 */
export async function deleteProject(principal: Principal, projectKey: string): Promise<void> {
  await runSqlTransaction(async (client) => {
    // Locked first: an environment being created here waits for this transaction, then finds no project.
    const locked = await client.query<ProjectRow>(lockProjectForDeleteStatement.query({ projectKey }));
    const project = locked.rows[0];
    const notFound = () => projectNotFound(projectKey);
    if (project === undefined) throw notFound();
    const target = projectResource(project);
    assertAccessOrHide(principal, {
      view: "viewProject",
      actions: ["deleteProject"],
      resource: target,
      notFound,
    });

    const environments = await client.query<{ id: string; key: string }>(
      lockProjectEnvironmentsStatement.query({ projectId: project.id }),
    );
    let retiredStores = 0;
    for (const environment of environments.rows) {
      retiredStores += await removeEnvironmentRows(client, environment.id);
    }
    await client.query(deleteProjectRowStatement.query({ projectId: project.id }));
    await recordAuditEntry(client, principal, {
      kind: "project",
      name: project.name,
      description: `Deleted project ${project.key}`,
      action: "deleteProject",
      target,
      previous: {
        key: project.key,
        name: project.name,
        tags: project.tags,
        environments: environments.rows.map((environment) => environment.key),
        retiredStores,
      },
    });
  });
}
