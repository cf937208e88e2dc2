import "server-only";
import { prisma } from "@/lib/server/db";
import { serializeProject } from "@/lib/server/projects/serialize-project";

export async function listProjects(page: { limit: number; offset: number }) {
  const [rows, totalCount] = await prisma.$transaction([
    prisma.project.findMany({
      orderBy: [{ createdAt: "asc" }, { key: "asc" }],
      skip: page.offset,
      take: page.limit,
      include: { environments: { orderBy: { createdAt: "asc" } } },
    }),
    prisma.project.count(),
  ]);
  return { items: rows.map(serializeProject), totalCount };
}
