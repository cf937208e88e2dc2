import { describe, expect, it } from "vitest";
import * as passwordRoute from "@/app/api/v2/account/password/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import { MIN_OWN_PASSWORD_LENGTH } from "@/lib/schemas/invite";
import { authOptions } from "@/lib/server/auth/auth-options";
import { authenticateMember } from "@/lib/server/auth/authenticate-member";
import { prisma } from "@/lib/server/db";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/server/invites/reissue-session-cookie";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

function changePassword(body: unknown, auth: { token?: string; headers?: Record<string, string> }) {
  return callRoute(passwordRoute.POST, { path: "/api/v2/account/password", body, ...auth });
}

async function projectsStatus(headers: Record<string, string>) {
  return (await callRoute(projectsRoute.GET, { path: "/api/v2/projects", headers })).status;
}

async function passwordState(memberId: string) {
  return prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { passwordHash: true, sessionVersion: true },
  });
}

describe("changing one's own password", () => {
  it("ends the member's other sessions and keeps this one signed in", async () => {
    const { member, password } = await createTestMember({ role: "reader" });
    const other = await sessionHeaders(member.id);
    const current = await sessionHeaders(member.id);
    const answer = await changePassword(
      { currentPassword: password, newPassword: "a-brand-new-password" },
      { headers: current },
    );
    expect(answer.status).toBe(204);
    expect(await projectsStatus(other)).toBe(401);
    expect(await projectsStatus(current)).toBe(401);
    const reissued = answer.headers.get("set-cookie")?.split(";")[0];
    expect(reissued).toMatch(/^next-auth\.session-token=/);
    expect(answer.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(SESSION_MAX_AGE_SECONDS).toBe(authOptions().session?.maxAge);
    expect(await projectsStatus({ ...current, cookie: reissued ?? "" })).toBe(200);
    expect(await authenticateMember(member.email, password)).toBeNull();
    expect(await authenticateMember(member.email, "a-brand-new-password")).not.toBeNull();
    const entry = await prisma.auditEntry.findFirst({
      where: { target: `member/${member.id}`, description: { contains: "changed their password" } },
    });
    expect(entry?.memberId).toBe(member.id);
  });

  it("needs the current password, a long enough new one and a session, and writes nothing otherwise", async () => {
    const { member, password } = await createTestMember({ role: "admin" });
    const headers = await sessionHeaders(member.id);
    const before = await passwordState(member.id);
    expectError(
      await changePassword(
        { currentPassword: "wrong-password!", newPassword: "a-brand-new-password" },
        { headers },
      ),
      400,
      "invalid_request",
    );
    expectError(
      await changePassword(
        { currentPassword: password, newPassword: "x".repeat(MIN_OWN_PASSWORD_LENGTH - 1) },
        { headers },
      ),
      400,
      "invalid_request",
    );
    expectError(
      await changePassword({ currentPassword: password, newPassword: "a-brand-new-password" }, {}),
      401,
      "unauthorized",
    );
    const personal = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
    expectError(
      await changePassword(
        { currentPassword: password, newPassword: "a-brand-new-password" },
        { token: personal.value },
      ),
      403,
      "forbidden",
    );
    expect(await passwordState(member.id)).toEqual(before);
  });
});
