import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type SelectEnvironmentByClientSideIdParams = {
  clientSideId: string;
};

/** An environment by its client-side ID, with its project's key and tags. */
export const selectEnvironmentByClientSideIdStatement = sqlStatement<SelectEnvironmentByClientSideIdParams>(
  "find-environment-by-client-side-id",
  { clientSideId: "" },
  (p) => `select e.id, e.key, e.tags, p.key as project_key, p.tags as project_tags
                 from environment e join project p on p.id = e.project_id where e.client_side_id = ${p.clientSideId}`,
);
