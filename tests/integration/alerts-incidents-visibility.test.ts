import { describe, expect, it } from "vitest";
import * as incidentsRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/incidents/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestPolicyToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

describe("open alerts and segment visibility", () => {
  it("leaves out an alert about a segment the caller may not view", async () => {
    const { project, production } = await createTestProject();
    await createTestSegment(production, { key: "public-seg" });
    await createTestSegment(production, { key: "hidden-seg", tags: ["secret"] });
    const rule = await prisma.alertRule.create({
      data: { environmentId: production.id, kind: "segment_stale", name: "Stale" },
    });
    for (const key of ["public-seg", "hidden-seg"]) {
      await prisma.alertIncident.create({
        data: {
          ruleId: rule.id,
          subject: `segment:${key}`,
          openSubject: `segment:${key}`,
          summary: `Segment ${key} is stale`,
        },
      });
    }
    const token = await createTestPolicyToken([
      { effect: "allow", actions: ["viewEnvironment"], resources: [`proj/${project.key}:env/production`] },
      {
        effect: "allow",
        actions: ["viewSegment"],
        resources: [`proj/${project.key}:env/production:segment/*`],
      },
      {
        effect: "deny",
        actions: ["viewSegment"],
        resources: [`proj/${project.key}:env/production:segment/*;secret`],
      },
    ]);
    const path = `/api/v2/alerts/${project.key}/production/incidents`;
    const params = { projectKey: project.key, environmentKey: "production" };
    const answer = await callRoute(incidentsRoute.GET, { path, params, token });
    expect(answer.status).toBe(200);
    expect((answer.json as { items: { segmentKey: string }[] }).items.map((item) => item.segmentKey)).toEqual(
      ["public-seg"],
    );
    expect(JSON.stringify(answer.json)).not.toContain("hidden-seg");
  });
});
