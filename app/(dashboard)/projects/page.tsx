import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { projectKeys } from "@/lib/queries/projects";
import { requireSession } from "@/lib/server/auth/require-session";
import { listProjects } from "@/lib/server/projects/list-projects";
import { toCollection } from "@/lib/server/api/collection";
import { ProjectsView } from "./projects-view";

export const metadata = { title: "Projects · Tributary" };

export default async function ProjectsPage() {
  const principal = await requireSession();
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: projectKeys.list(),
    queryFn: async () => {
      const page = { limit: 100, offset: 0 };
      const { items, totalCount } = await listProjects(principal, page);
      return toCollection(items, totalCount, { url: new URL("http://local/api/v2/projects"), ...page });
    },
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectsView />
    </HydrationBoundary>
  );
}
