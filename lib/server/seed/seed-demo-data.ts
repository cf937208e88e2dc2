import "server-only";
import { prisma } from "@/lib/server/db";
import { createProject } from "@/lib/server/projects/create-project";
import { seedDemoSegments } from "@/lib/server/seed/seed-demo-segments";

/** Demo data for a fresh install: a `default` project with production and test, and synced segments with members. */
export async function seedDemoData(): Promise<{ seeded: boolean }> {
  const existing = await prisma.project.count();
  if (existing > 0) return { seeded: false };
  await createProject(null, { key: "default", name: "Default project" });
  await seedDemoSegments("default", "production");
  return { seeded: true };
}
