import "server-only";
import { lockEnvironmentForDeleteStatement } from "@/lib/server/environments/lock-environment-for-delete-statement";
import { assertAccessOrHide } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { removeEnvironmentRows } from "@/lib/server/environments/remove-environment-rows";
import { projectNotFound } from "@/lib/server/projects/project-not-found";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";

type EnvironmentRow = { id: string; key: string; name: string; tags: string[]; segment_count: number };

/**
 * Deletes an environment with its segments, members and sync history, retiring its stores (their Redis refs are then
 * removed by the worker), audited in the same transaction. A caller who may not see the environment gets its 404.
 */
export async function deleteEnvironment(
  principal: Principal,
  project: { id: string; key: string; tags: string[] },
  environmentKey: string,
): Promise<void> {
  await runSqlTransaction(async (client) => {
    const locked = await client.query<EnvironmentRow>(
      lockEnvironmentForDeleteStatement.query({ projectId: project.id, environmentKey }),
    );
    const environment = locked.rows[0];
    // Who may not view the project learns nothing of it, nor of its environments: the answer for a made-up project.
    const notFound = () =>
      checkAccess(principal, "viewProject", projectResource(project)).allowed
        ? environmentNotFound(project.key, environmentKey)
        : projectNotFound(project.key);
    if (environment === undefined) throw notFound();
    const target = environmentResource(project, environment);
    assertAccessOrHide(principal, {
      view: "viewEnvironment",
      actions: ["deleteEnvironment"],
      resource: target,
      notFound,
    });
    const retiredStores = await removeEnvironmentRows(client, environment.id);
    await recordAuditEntry(client, principal, {
      kind: "environment",
      name: environment.name,
      description: `Deleted environment ${environment.key} from project ${project.key}`,
      action: "deleteEnvironment",
      target,
      previous: {
        key: environment.key,
        name: environment.name,
        tags: environment.tags,
        segmentCount: environment.segment_count,
        retiredStores,
      },
    });
  });
}
