import "server-only";
import { prisma } from "@/lib/server/db";
import { projectNotFound } from "@/lib/server/projects/project-not-found";

export async function getProjectOrThrow(projectKey: string) {
  const project = await prisma.project.findUnique({
    where: { key: projectKey },
    include: { environments: { orderBy: { createdAt: "asc" } } },
  });
  if (!project) throw projectNotFound(projectKey);
  return project;
}
