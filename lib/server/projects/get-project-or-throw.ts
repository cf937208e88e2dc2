import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

export async function getProjectOrThrow(projectKey: string) {
  const project = await prisma.project.findUnique({
    where: { key: projectKey },
    include: { environments: { orderBy: { createdAt: "asc" } } },
  });
  if (!project) throw new ApiError("not_found", `Project "${projectKey}" not found`);
  return project;
}
