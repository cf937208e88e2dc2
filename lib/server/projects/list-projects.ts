import "server-only";
import { prisma } from "@/lib/server/db";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { projectResource } from "@/lib/server/access/resource-names";
import { serializeProject } from "@/lib/server/projects/serialize-project";
import { visibleEnvironments } from "@/lib/server/projects/visible-environments";

const ORDER = [{ createdAt: "asc" as const }, { key: "asc" as const }];

/**
 * One page of the projects the caller may view, each with only the environments it may view. Projects are few, so every
 * project's access is checked before paging: `totalCount` and the paging links count only visible projects.
 */
export async function listProjects(principal: Principal, page: { limit: number; offset: number }) {
  const candidates = await prisma.project.findMany({
    orderBy: ORDER,
    select: { id: true, key: true, tags: true },
  });
  const visible = candidates.filter(
    (project) => checkAccess(principal, "viewProject", projectResource(project)).allowed,
  );
  const pageIds = visible.slice(page.offset, page.offset + page.limit).map((project) => project.id);
  const rows =
    pageIds.length === 0
      ? []
      : await prisma.project.findMany({
          where: { id: { in: pageIds } },
          orderBy: ORDER,
          include: { environments: { orderBy: { createdAt: "asc" } } },
        });
  return {
    items: rows.map((row) => serializeProject(visibleEnvironments(principal, row))),
    totalCount: visible.length,
  };
}
