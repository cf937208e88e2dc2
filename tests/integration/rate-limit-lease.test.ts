import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { createTestToken } from "@/tests/factories/tokens";
import { membershipLookup } from "@/tests/support/membership-lookup";
import { expectError } from "@/tests/support/expect-error";

// 200 per window: the app leases 2 positions ahead with each count it writes (1% of the budget).
process.env.TRIBUTARY_RATE_LIMIT_PER_10S = "200";

describe("rate limits with leased counts", () => {
  it("counts down exactly as if every request were written, and the store holds every request", async () => {
    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { members: ["member"] });
    const { value, token } = await createTestToken({ role: "reader" });
    const lookup = membershipLookup(project.key, segment.key, value);
    const storedPoints = async () =>
      (await prisma.rateLimit.findMany({ where: { key: { contains: `${token.id}:` } } })).map(
        (row) => row.points,
      );
    const first = await lookup();
    expect(first.headers.get("x-ratelimit-route-remaining")).toBe("199");
    // The first count wrote the request and the two after it.
    expect(await storedPoints()).toEqual([3]);
    for (let remaining = 198; remaining >= 0; remaining--) {
      const answer = await lookup();
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-ratelimit-route-remaining")).toBe(String(remaining));
    }
    const refused = await lookup();
    expectError(refused, 429, "rate_limited");
    expect(refused.headers.get("x-ratelimit-route-remaining")).toBe("0");
    // Every request, and at most the lease counted ahead of the next.
    const [stored] = await storedPoints();
    expect(stored).toBeGreaterThanOrEqual(201);
    expect(stored).toBeLessThanOrEqual(203);
  });
});
