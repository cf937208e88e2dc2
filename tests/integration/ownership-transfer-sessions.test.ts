import { describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { callRoute } from "@/tests/support/call-route";
import { sessionHeaders } from "@/tests/support/session-headers";

/** The status an API request authenticated by nothing but these session headers gets. */
async function apiStatus(headers: Record<string, string>): Promise<number> {
  return (await callRoute(projectsRoute.GET, { path: "/api/v2/projects", headers })).status;
}

describe("an ownership transfer", () => {
  it("ends the sessions of both the new owner and the demoted old owner", async () => {
    const owner = (await createTestMember({ role: "owner" })).member;
    const heir = (await createTestMember({ role: "admin" })).member;
    const ownerSession = await sessionHeaders(owner.id);
    const heirSession = await sessionHeaders(heir.id);
    expect(await apiStatus(ownerSession)).toBe(200);
    expect(await apiStatus(heirSession)).toBe(200);

    const transferred = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      path: `/api/v2/members/${heir.id}`,
      params: { memberId: heir.id },
      headers: ownerSession,
      body: [{ op: "replace", path: "/role", value: "owner" }],
    });
    expect(transferred.status, JSON.stringify(transferred.json)).toBe(200);
    expect((await prisma.member.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("admin");

    // The old owner's session was issued with owner's access; it must not outlive the demotion.
    expect(await apiStatus(ownerSession)).toBe(401);
    expect(await apiStatus(heirSession)).toBe(401);
    // Signing in again works, with the new roles.
    expect(await apiStatus(await sessionHeaders(owner.id))).toBe(200);
    expect(await apiStatus(await sessionHeaders(heir.id))).toBe(200);
  });
});
