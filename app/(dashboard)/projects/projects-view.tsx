"use client";

import { OffsetPager } from "@/components/ui/offset-pager";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  projectFiltersFromSearchParams,
  projectFiltersToSearchParams,
  type ProjectListFilters,
} from "@/lib/queries/project-list-filters";
import { useProjectPage } from "@/lib/queries/projects";
import { CreateProjectCard } from "./_components/create-project-card";
import { ProjectListToolbar } from "./_components/project-list-toolbar";

export function ProjectsView() {
  const pathname = usePathname();
  // The URL is the one place the search, order and page live: reloaded or shared, the list shows the same.
  const filters = projectFiltersFromSearchParams(new URLSearchParams(useSearchParams().toString()));
  const projects = useProjectPage(filters);
  const items = projects.data?.items ?? [];
  const total = projects.data?.totalCount ?? 0;

  const show = (changes: Partial<ProjectListFilters>) => {
    // From the address bar, not this render: a second change before the re-render builds on the first.
    const current = projectFiltersFromSearchParams(new URLSearchParams(window.location.search));
    const next = projectFiltersToSearchParams({ ...current, offset: 0, ...changes }).toString();
    window.history.replaceState(null, "", next === "" ? pathname : `${pathname}?${next}`);
  };

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Projects</h1>
        <p className="text-sm text-slate-500">
          Each project has environments; segments live in an environment.
        </p>
      </div>
      <ProjectListToolbar key={filters.q} filters={filters} onChange={show} />
      {projects.isPending ? <LoadingState /> : null}
      {projects.isError ? <ErrorState error={projects.error} /> : null}
      {projects.data && items.length === 0 ? (
        filters.q === "" ? (
          <EmptyState title="No projects yet">Create the first one below.</EmptyState>
        ) : (
          <EmptyState title="No matching projects">
            No project&apos;s name or key contains “{filters.q}”.
          </EmptyState>
        )
      ) : null}
      {items.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Projects">
          {items.map((project) => (
            <li key={project.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <Link
                href={`/projects/${encodeURIComponent(project.key)}`}
                className="font-medium text-indigo-700 hover:underline"
              >
                {project.name}
              </Link>
              <p className="text-xs text-slate-500">
                key <code className="break-all">{project.key}</code> · {project.environments.totalCount}{" "}
                environments
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {project.environments.items.map((environment) => (
                  <li key={environment.key}>
                    <Link
                      className="rounded bg-slate-100 px-2 py-0.5 text-slate-700 hover:bg-slate-200"
                      href={`/${encodeURIComponent(project.key)}/${encodeURIComponent(environment.key)}/segments`}
                    >
                      {environment.name} segments
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      <OffsetPager
        label="Project pages"
        offset={filters.offset}
        limit={filters.limit}
        totalCount={total}
        onChange={(offset) => show({ offset })}
      />
      <CreateProjectCard />
    </div>
  );
}
