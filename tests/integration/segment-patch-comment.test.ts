import { describe, expect, it } from "vitest";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";

// LaunchDarkly's client sends a patch with a comment as `{comment, patch}`; the comment belongs to the audit entry.
describe("PATCH a segment with LaunchDarkly's {comment, patch} body", () => {
  it("keeps the comment as the audit entry's comment", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production);
    const { value } = await createTestToken({ role: "writer" });
    const answer = await callRoute(segmentRoute.PATCH, {
      path: `/api/v2/segments/${project.key}/production/${segment.key}`,
      params: { projectKey: project.key, environmentKey: "production", segmentKey: segment.key },
      token: value,
      method: "PATCH",
      body: {
        comment: "renamed for the spring launch",
        patch: [{ op: "replace", path: "/name", value: "Spring" }],
      },
    });
    expect(answer.status).toBe(200);
    const entry = await prisma.auditEntry.findFirst({
      where: { kind: "segment", name: "Spring" },
      orderBy: { date: "desc" },
    });
    expect(entry?.comment).toBe("renamed for the spring launch");
  });
});
