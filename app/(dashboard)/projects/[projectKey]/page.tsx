import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { pageTitle } from "@/lib/dashboard/page-title";
import { projectKeys } from "@/lib/queries/projects";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource, projectResource } from "@/lib/server/access/resource-names";
import { loadProjectPage } from "@/lib/server/dashboard/load-project-page";
import { serializeProject } from "@/lib/server/projects/serialize-project";
import type { ProjectPermissions } from "./delete-controls";
import { ProjectView } from "./project-view";

type Params = { projectKey: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectKey);
  return { title: pageTitle(project.name, "Projects") };
}

/** A project that is missing or hidden from this member is the not-found page (404), as the API answers. */
export default async function ProjectPage({ params }: { params: Promise<Params> }) {
  const { projectKey } = await params;
  const { principal, project } = await loadProjectPage(projectKey);
  const queryClient = new QueryClient();
  queryClient.setQueryData(projectKeys.detail(projectKey), serializeProject(project));
  // Decides which delete buttons the member may use.
  const permissions: ProjectPermissions = {
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
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectView projectKey={projectKey} permissions={permissions} />
    </HydrationBoundary>
  );
}
