import { createTestSegment } from "@/tests/factories/segments";
import { unique } from "@/tests/factories/unique";
import type { AuthzWorld } from "@/tests/integration/authz-matrix/principals";

// Fixture helpers shared by the row files: each creates what one cell consumes.

export const segmentPath = (world: AuthzWorld, segmentKey: string, suffix = "") => ({
  path: `/api/v2/segments/${world.projectKey}/production/${segmentKey}${suffix}`,
  params: { projectKey: world.projectKey, environmentKey: "production", segmentKey },
});

export const environmentParams = (world: AuthzWorld) => ({
  projectKey: world.projectKey,
  environmentKey: "production",
});

export async function freshSegment(world: AuthzWorld, prefix = "seg") {
  return createTestSegment(world.production, { key: unique(prefix) });
}

export const RENAME = [{ op: "replace", path: "/name", value: "Renamed" }];
