import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { projectKeys } from "@/lib/queries/projects";
import { requireSession } from "@/lib/server/auth/require-session";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";
import { serializeProject } from "@/lib/server/projects/serialize-project";
import { ProjectView } from "./project-view";

export default async function ProjectPage({ params }: { params: Promise<{ projectKey: string }> }) {
  const principal = await requireSession();
  const { projectKey } = await params;
  const queryClient = new QueryClient();
  await queryClient
    .prefetchQuery({
      queryKey: projectKeys.detail(projectKey),
      queryFn: async () => serializeProject(await getVisibleProjectOrThrow(principal, projectKey)),
    })
    .catch(() => undefined);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectView projectKey={projectKey} />
    </HydrationBoundary>
  );
}
