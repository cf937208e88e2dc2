import "server-only";
import { prisma } from "@/lib/server/db";
import { parseProjectFilter, type ProjectSort } from "@/lib/schemas/project-filter";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { projectResource } from "@/lib/server/access/resource-names";
import { serializeProject } from "@/lib/server/projects/serialize-project";
import { visibleEnvironments } from "@/lib/server/projects/visible-environments";

type Candidate = { id: string; key: string; name: string; tags: string[]; createdAt: Date };

export type ProjectListOptions = { limit: number; offset: number; filter?: string; sort?: ProjectSort };

function matches(project: Candidate, filterText: string | undefined): boolean {
  const filter = filterText === undefined ? null : parseProjectFilter(filterText);
  if (filter === null) return true;
  const query = filter.query?.toLowerCase();
  if (query && !`${project.name}\n${project.key}`.toLowerCase().includes(query)) return false;
  const tags = new Set(project.tags.map((tag) => tag.toLowerCase()));
  if (!filter.tags.every((tag) => tags.has(tag.toLowerCase()))) return false;
  const key = project.key.toLowerCase();
  return filter.keys.length === 0 || filter.keys.some((wanted) => wanted.toLowerCase() === key);
}

function compare(sort: ProjectSort | undefined) {
  const direction = sort?.startsWith("-") ? -1 : 1;
  const byName = sort === "name" || sort === "-name";
  return (a: Candidate, b: Candidate) => {
    const primary = byName
      ? a.name.localeCompare(b.name, "en", { sensitivity: "base" })
      : a.createdAt.getTime() - b.createdAt.getTime();
    return direction * (primary !== 0 ? primary : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  };
}

/**
 * One page of the projects the caller may view, each with only the environments it may view, filtered and sorted as
 * LaunchDarkly's list is (default: creation order). Projects are few, so every project's access is checked before
 * paging: `totalCount` and the paging links count only visible projects that match.
 */
export async function listProjects(principal: Principal, options: ProjectListOptions) {
  const candidates = await prisma.project.findMany({
    select: { id: true, key: true, name: true, tags: true, createdAt: true },
  });
  const visible = candidates
    .filter((project) => checkAccess(principal, "viewProject", projectResource(project)).allowed)
    .filter((project) => matches(project, options.filter))
    .sort(compare(options.sort));
  const pageIds = visible.slice(options.offset, options.offset + options.limit).map((project) => project.id);
  const rows =
    pageIds.length === 0
      ? []
      : await prisma.project.findMany({
          where: { id: { in: pageIds } },
          include: { environments: { orderBy: { createdAt: "asc" } } },
        });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: pageIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [serializeProject(visibleEnvironments(principal, row))] : [];
    }),
    totalCount: visible.length,
  };
}
