import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { projectKeys } from "@/lib/queries/projects";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { requireSession } from "@/lib/server/auth/require-session";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";
import { serializeProject } from "@/lib/server/projects/serialize-project";
import type { ProjectPermissions } from "./delete-controls";
import { ProjectView } from "./project-view";

export default async function ProjectPage({ params }: { params: Promise<{ projectKey: string }> }) {
  const principal = await requireSession();
  const { projectKey } = await params;
  const queryClient = new QueryClient();
  // Decides which delete buttons the member may use; a project it may not view gets none (the view shows the 404).
  const project = await getVisibleProjectOrThrow(principal, projectKey).catch(() => null);
  let permissions: ProjectPermissions | null = null;
  if (project !== null) {
    queryClient.setQueryData(projectKeys.detail(projectKey), serializeProject(project));
    permissions = {
      deleteProject: checkAccess(principal, "deleteProject", projectResource(project)),
      deleteEnvironment: Object.fromEntries(
        project.environments.map((environment) => [
          environment.key,
          checkAccess(principal, "deleteEnvironment", environmentResource(project, environment)),
        ]),
      ),
      resources: {
        project: projectResource(project),
        environments: Object.fromEntries(
          project.environments.map((environment) => [
            environment.key,
            environmentResource(project, environment),
          ]),
        ),
      },
    };
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectView projectKey={projectKey} permissions={permissions} />
    </HydrationBoundary>
  );
}
