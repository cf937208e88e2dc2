import { describe, expect, it } from "vitest";
import * as rejectedPushesRoute from "@/app/api/v2/rejected-pushes/route";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

type Page = {
  items: { _id: string; reason: { message: string }; memberSample: string[]; environmentResolved: boolean }[];
  next: string | null;
};

function list(token: string | null, query: string) {
  return callRoute(rejectedPushesRoute.GET, { path: `/api/v2/rejected-pushes?${query}`, token });
}

function row(environmentId: string | null, message: string, minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  return {
    environmentId,
    integrationKey: "amplitude",
    status: 400,
    reasonCode: "invalid_request",
    message,
    memberSample: ["m1", "m2"],
    firstAt: at,
    lastAt: at,
  };
}

/** A tenant whose two environments and no environment each have refusals, told apart by a unique tag in the message. */
async function world() {
  const tenant = await createTestTenant();
  const test = tenant.environments.find((environment) => environment.key !== "production");
  if (!test) throw new Error("the test project has a second environment");
  const tag = unique("refusal");
  await prisma.rejectedPush.createMany({
    data: [
      row(tenant.production.id, `${tag} production 1`, 3),
      row(tenant.production.id, `${tag} production 2`, 2),
      row(tenant.production.id, `${tag} production 3`, 1),
      row(test.id, `${tag} test`, 1),
      row(null, `${tag} unresolved`, 0),
    ],
  });
  const query = `projectKey=${tenant.project.key}&environmentKey=production`;
  const mine = (page: Page) => page.items.filter((item) => item.reason.message.startsWith(tag));
  return { ...tenant, test, tag, query, mine };
}

describe("GET /api/v2/rejected-pushes", () => {
  it("lists an environment's refusals most recent first in pages, with unresolved ones for an admin", async () => {
    const { query, tag, mine } = await world();
    const { value: admin } = await createTestToken({ role: "admin" });
    const first = await list(admin, `${query}&limit=2`);
    expect(first.status).toBe(200);
    const firstPage = first.json as Page;
    expect(mine(firstPage).map((item) => item.reason.message)).toEqual([
      `${tag} unresolved`,
      `${tag} production 3`,
    ]);
    expect(firstPage.items[0]).toMatchObject({ environmentResolved: false, memberSample: ["m1", "m2"] });
    expect(firstPage.next).not.toBeNull();
    const second = (await list(admin, `${query}&limit=2&before=${firstPage.next}`)).json as Page;
    expect(mine(second).map((item) => item.reason.message)).toEqual([
      `${tag} production 2`,
      `${tag} production 1`,
    ]);
    expect(second.next).toBeNull();
  });

  it("shows a reader its environment's refusals only: not another environment's, not unresolved ones", async () => {
    const { query, tag, mine, project } = await world();
    const { value: reader } = await createTestToken({ role: "reader" });
    const page = (await list(reader, query)).json as Page;
    expect(mine(page).map((item) => item.reason.message)).toEqual([
      `${tag} production 3`,
      `${tag} production 2`,
      `${tag} production 1`,
    ]);
    const production = `proj/${project.key}:env/production`;
    const onlyProduction = await createTestPolicyToken([
      { effect: "allow", actions: ["*"], resources: [production, `${production}:segment/*`] },
    ]);
    expect(mine((await list(onlyProduction, query)).json as Page)).toHaveLength(3);
    expectError(
      await list(onlyProduction, `projectKey=${project.key}&environmentKey=test`),
      404,
      "not_found",
    );
  });

  it("hides member ids from a caller who may not view every segment of the environment", async () => {
    const { query, mine, project } = await world();
    const production = `proj/${project.key}:env/production`;
    const someSegments = await createTestPolicyToken([
      { effect: "allow", actions: ["viewEnvironment"], resources: [production] },
      { effect: "allow", actions: ["viewSegment"], resources: [`${production}:segment/amplitude-*`] },
    ]);
    const items = mine((await list(someSegments, query)).json as Page);
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.memberSample.length === 0)).toBe(true);
  });

  it("answers 400 for bad input, 401 without a token and 404 to a caller who may not view the environment", async () => {
    const { query, project } = await world();
    const { value: admin } = await createTestToken({ role: "admin" });
    for (const bad of [
      `${query}&limit=0`,
      `${query}&limit=101`,
      `${query}&before=yesterday`,
      `environmentKey=production`,
    ]) {
      expectError(await list(admin, bad), 400, "invalid_request");
    }
    expectError(await list(null, query), 401, "unauthorized");
    const elsewhere = await createTestPolicyToken([
      { effect: "allow", actions: ["*"], resources: [`proj/${project.key}:env/test`] },
    ]);
    expectError(await list(elsewhere, query), 404, "not_found");
  });
});
