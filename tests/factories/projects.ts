import { prisma } from "@/lib/server/db";
import { createProject } from "@/lib/server/projects/create-project";
import { unique } from "./unique";

/** A project of its own for one test, with `production` and `test` environments. */
export async function createTestProject(options: { key?: string; tags?: string[] } = {}) {
  const created = await createProject(null, {
    key: options.key ?? unique("proj"),
    name: "Test project",
    tags: options.tags,
  });
  const project = await prisma.project.findUniqueOrThrow({
    where: { key: created.key },
    include: { environments: { orderBy: { createdAt: "asc" } } },
  });
  const production = project.environments.find((environment) => environment.key === "production");
  if (!production) throw new Error("the factory expects a production environment");
  return { project, production, environments: project.environments };
}
