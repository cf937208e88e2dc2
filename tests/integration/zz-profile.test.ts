import { it } from "vitest";
import * as lookupRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { consumeRateLimit } from "@/lib/server/api/rate-limit";
import { getSegmentOrThrow } from "@/lib/server/segments/get-segment-or-throw";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

async function time(label: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(`PROFILE ${label}: ${((performance.now() - t) / n).toFixed(2)} ms`);
}

it("profile", async () => {
  const { project, production } = await createTestProject();
  const segment = await createTestSegment(production, { key: "seg", members: ["a", "b"] });
  const { value } = await createTestToken({ role: "writer" });
  await time("resolveTokenPrincipal", 200, () => resolveTokenPrincipal(value));
  await time("consumeRateLimit", 200, () => consumeRateLimit("x", "route"));
  await time("getSegmentOrThrow", 200, () => getSegmentOrThrow(project.key, "production", "seg"));
  const params = { projectKey: project.key, environmentKey: "production", segmentKey: "seg", contextKey: "a" };
  await time("lookup route", 200, () => callRoute(lookupRoute.GET, { path: "/x", params, token: value }));
  void segment;
}, 120_000);
