import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { syncToolPolicy, syncToolScopeOf, syncToolTokenInput } from "@/lib/schemas/token-sync-tool";
import { prisma } from "@/lib/server/db";
import { resolveMemberPrincipal } from "@/lib/server/auth/resolve-member-principal";
import { decideTokenCreation } from "@/lib/server/tokens/decide-token-creation";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { amplitude, push } from "@/tests/support/partner-pushes";
import { sessionHeaders } from "@/tests/support/session-headers";

// The Sync tab's "Create a token for <tool>": its body (syncToolTokenInput) through POST /api/v2/tokens with the member's
// session, as the panel sends it, then real partner pushes with the token it answers.

async function memberWithPolicy(role: string, policy?: Policy) {
  const { member } = await createTestMember({ role });
  if (policy) {
    const key = unique("role");
    const customRole = await prisma.customRole.create({ data: { key, name: key, policy } });
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: customRole.id } });
  }
  return member;
}

async function createAs(memberId: string, body: unknown) {
  return callRoute(tokensRoute.POST, {
    path: "/api/v2/tokens",
    headers: await sessionHeaders(memberId),
    body,
  });
}

async function decisionFor(memberId: string, scope: { projectKey: string; environmentKey: string }) {
  const principal = await resolveMemberPrincipal(memberId);
  if (!principal) throw new Error("no principal");
  return decideTokenCreation(principal, {
    serviceToken: true,
    role: null,
    inlineRole: syncToolPolicy(scope),
  });
}

function cohortPush(clientSideId: string, cohortId: string) {
  return amplitude(clientSideId, [{ userId: unique("user"), value: true }], {
    cohortId,
    cohortName: `Cohort ${cohortId}`,
  });
}

describe("the Sync tab's one-click sync-tool token", () => {
  it("creates a service token that pushes to its environment and nowhere else", async () => {
    const { project, production, environments } = await createTestProject();
    const other = environments.find((environment) => environment.key === "test");
    const elsewhere = await createTestProject();
    if (!other) throw new Error("the factory makes a test environment");
    const member = await memberWithPolicy("admin");
    const scope = { projectKey: project.key, environmentKey: production.key };

    expect(await decisionFor(member.id, scope)).toMatchObject({ allowed: true });
    const response = await createAs(member.id, syncToolTokenInput("Amplitude", scope));
    expect(response.status).toBe(201);
    const token = response.json as TokenResponse;
    expect(token).toMatchObject({
      name: `Amplitude sync (${project.key} / production)`,
      serviceToken: true,
      inlineRole: syncToolPolicy(scope),
      customRoleIds: [],
    });
    expect(token).not.toHaveProperty("role");
    expect(syncToolScopeOf(token.inlineRole)).toEqual(scope);

    const cohortId = unique("cohort");
    expect((await push("amplitude", token.token, cohortPush(production.clientSideId, cohortId))).status).toBe(
      204,
    );
    expect(
      await prisma.segment.count({ where: { environmentId: production.id, externalCohortId: cohortId } }),
    ).toBe(1);

    for (const environment of [other, elsewhere.production]) {
      const refused = await push("amplitude", token.token, cohortPush(environment.clientSideId, cohortId));
      expect(refused.status).toBe(403);
      expect(
        await prisma.segment.count({ where: { environmentId: environment.id, externalCohortId: cohortId } }),
      ).toBe(0);
      expect(await prisma.segment.count({ where: { environmentId: environment.id } })).toBe(0);
    }
  });

  it("is offered exactly when the tokens route would create it (the same grant rules)", async () => {
    const { project, production } = await createTestProject();
    const inProduction = { projectKey: project.key, environmentKey: production.key };
    const inTest = { projectKey: project.key, environmentKey: "test" };
    const tokenMaker: Policy = [
      { effect: "allow", actions: ["createAccessToken"], resources: ["service-token/*"] },
      {
        effect: "allow",
        actions: ["createSegment", "updateIncluded"],
        resources: [`proj/${project.key}:env/production:segment/*`],
      },
    ];
    const cases = [
      { member: await memberWithPolicy("admin"), scope: inProduction, allowed: true },
      { member: await memberWithPolicy("writer"), scope: inProduction, allowed: false },
      { member: await memberWithPolicy("reader"), scope: inProduction, allowed: false },
      { member: await memberWithPolicy("no_access", tokenMaker), scope: inProduction, allowed: true },
      { member: await memberWithPolicy("no_access", tokenMaker), scope: inTest, allowed: false },
      {
        member: await memberWithPolicy("no_access", tokenMaker.slice(1)),
        scope: inProduction,
        allowed: false,
      },
    ];
    for (const { member, scope, allowed } of cases) {
      const decision = await decisionFor(member.id, scope);
      expect(decision.allowed).toBe(allowed);
      const before = await prisma.accessToken.count({ where: { memberId: member.id } });
      const response = await createAs(member.id, syncToolTokenInput("Heap", scope));
      if (allowed) {
        expect(response.status).toBe(201);
      } else {
        expectError(response, 403, "forbidden");
        expect(await prisma.accessToken.count({ where: { memberId: member.id } })).toBe(before);
      }
    }
  });

  it("answers 401 without a caller and 400 for a bad body, writing nothing", async () => {
    const { project, production } = await createTestProject();
    const scope = { projectKey: project.key, environmentKey: production.key };
    const before = await prisma.accessToken.count();
    expectError(
      await callRoute(tokensRoute.POST, {
        path: "/api/v2/tokens",
        body: syncToolTokenInput("Zeotap", scope),
      }),
      401,
      "unauthorized",
    );
    expect(await prisma.accessToken.count()).toBe(before);
    const member = await memberWithPolicy("admin");
    const broken = { ...syncToolTokenInput("Zeotap", scope), inlineRole: [{ effect: "allow", actions: [] }] };
    expectError(await createAs(member.id, broken), 400, "invalid_request");
    expectError(
      await createAs(member.id, { ...syncToolTokenInput("Zeotap", scope), name: "" }),
      400,
      "invalid_request",
    );
    expect(await prisma.accessToken.count({ where: { memberId: member.id } })).toBe(0);
  });
});
