import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { projectFiltersFromSearchParams } from "@/lib/queries/project-list-filters";
import { projectKeys } from "@/lib/queries/projects";
import { requireSession } from "@/lib/server/auth/require-session";
import { listProjects } from "@/lib/server/projects/list-projects";
import { toCollection } from "@/lib/server/api/collection";
import { ProjectsView } from "./projects-view";

export const metadata = { title: "Projects · Tributary" };

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireSession();
  const filters = projectFiltersFromSearchParams(await searchParams);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: projectKeys.page(filters),
    queryFn: async () => {
      const page = { limit: filters.limit, offset: filters.offset };
      const { items, totalCount } = await listProjects(principal, {
        ...page,
        sort: filters.sort,
        filter: filters.q === "" ? undefined : `query:${filters.q}`,
      });
      return toCollection(items, totalCount, { url: new URL("http://local/api/v2/projects"), ...page });
    },
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectsView />
    </HydrationBoundary>
  );
}
