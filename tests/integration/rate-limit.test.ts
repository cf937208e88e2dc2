import { describe, expect, it } from "vitest";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { membershipLookup } from "@/tests/support/membership-lookup";

// Read when the limiter is first used (no module reads the environment on import).
process.env.TRIBUTARY_RATE_LIMIT_PER_10S = "3";

describe("rate limits per token and route", () => {
  it("counts a read down to 0, then answers 429 with Retry-After instead of the data", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["member"] });
    const { value } = await createTestToken({ role: "reader" });
    const lookup = membershipLookup(project.key, segment.key, value);
    for (const remaining of [2, 1, 0]) {
      const answer = await lookup();
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ included: true });
      expect(answer.headers.get("x-ratelimit-route-remaining")).toBe(String(remaining));
    }
    const refused = await lookup();
    expectError(refused, 429, "rate_limited");
    expect(refused.json).not.toHaveProperty("included");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("x-ratelimit-route-remaining")).toBe("0");
  });

  it("counts concurrent requests together and still lets exactly the limit through, each with its own remainder", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["member"] });
    const { value, token } = await createTestToken({ role: "reader" });
    const lookup = membershipLookup(project.key, segment.key, value);
    const answers = await Promise.all(Array.from({ length: 7 }, () => lookup()));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(4);
    const remainders = answers
      .filter((answer) => answer.status === 200)
      .map((answer) => answer.headers.get("x-ratelimit-route-remaining"))
      .sort();
    expect(remainders).toEqual(["0", "1", "2"]);
    // What the store holds is every request counted once: the window stays closed for the next one too.
    expectError(await lookup(), 429, "rate_limited");
    const stored = await prisma.rateLimit.findMany({ where: { key: { contains: `${token.id}:` } } });
    expect(stored.map((row) => row.points)).toEqual([8]);
  });

  it("refuses a write over the limit before applying anything", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: [] });
    const { value } = await createTestToken({ role: "writer" });
    const params = { projectKey: project.key, environmentKey: "production", segmentKey: segment.key };
    const add = (key: string) =>
      callRoute(contextsRoute.POST, {
        path: `/api/v2/segments/${project.key}/production/${segment.key}/contexts`,
        params,
        token: value,
        body: { included: { add: [key] } },
      });
    for (const key of ["a", "b", "c"]) expect((await add(key)).status).toBeLessThan(300);
    expectError(await add("d"), 429, "rate_limited");
    const keys = await prisma.segmentMember.findMany({
      where: { segmentId: segment.id },
      select: { contextKey: true },
    });
    expect(keys.map((row) => row.contextKey).sort()).toEqual(["a", "b", "c"]);
  });
});
