import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import { env } from "@/lib/env";
import { prisma } from "@/lib/server/db";
import { resolveSessionPrincipal } from "@/lib/server/auth/resolve-session-principal";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callAuthRoute, csrf, signInThroughRoute } from "@/tests/support/auth-route";
import { callRoute } from "@/tests/support/call-route";

type TestMember = Awaited<ReturnType<typeof createTestMember>>;

/** The session cookie next-auth sets when the member signs in through the login page's request. */
async function signIn({ member, password }: TestMember): Promise<string> {
  await prisma.signInThrottle.deleteMany({ where: { email: member.email } });
  const signedIn = await signInThroughRoute({ email: member.email, password });
  if (!signedIn.sessionCookie) throw new Error(`sign-in failed: ${signedIn.error}`);
  return signedIn.sessionCookie;
}

/** The status an API request authenticated by nothing but this session cookie gets. */
async function apiStatus(sessionCookie: string): Promise<number> {
  const answer = await callRoute(projectsRoute.GET, {
    path: "/api/v2/projects",
    headers: { cookie: sessionCookie },
  });
  return answer.status;
}

/** Sign-out as next-auth's client does it: a POST with the CSRF token and the session cookie. */
async function signOut(sessionCookie: string): Promise<void> {
  const { csrfToken, cookie } = await csrf();
  const answer = await callAuthRoute({
    path: "signout",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${sessionCookie}` },
    body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
  });
  expect(answer.status).toBe(200);
}

let adminToken: string;

beforeEach(async () => {
  await prisma.$executeRaw`DELETE FROM rate_limit WHERE key LIKE 'sign-in%'`;
  adminToken ??= (await createTestToken({ role: "admin" })).value;
});

describe("ending dashboard sessions", () => {
  it("keeps a session working until it signs out, then refuses that cookie", async () => {
    const person = await createTestMember({ role: "reader" });
    const cookie = await signIn(person);
    expect(await apiStatus(cookie)).toBe(200);

    await signOut(cookie);
    const refused = await callRoute(projectsRoute.GET, { path: "/api/v2/projects", headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({
      code: "unauthorized",
      message: "Your session has ended; sign in again",
    });

    expect(await apiStatus(await signIn(person))).toBe(200);
  });

  it("does not let an ended session's cookie sign out the member's newer session", async () => {
    const person = await createTestMember({ role: "reader" });
    const old = await signIn(person);
    await signOut(old);
    const current = await signIn(person);
    await signOut(old);
    expect(await apiStatus(current)).toBe(200);
  });

  it("ends the sessions of a member whose role or custom roles change, not of one whose name changes", async () => {
    const person = await createTestMember({ role: "writer" });
    const cookie = await signIn(person);
    const patch = (body: unknown) =>
      callRoute(memberRoute.PATCH, {
        method: "PATCH",
        path: `/api/v2/members/${person.member.id}`,
        params: { memberId: person.member.id },
        token: adminToken,
        body,
      });

    expect((await patch([{ op: "replace", path: "/firstName", value: "Ada" }])).status).toBe(200);
    expect(await apiStatus(cookie)).toBe(200);

    expect((await patch([{ op: "replace", path: "/role", value: "reader" }])).status).toBe(200);
    expect(await apiStatus(cookie)).toBe(401);
    expect(await apiStatus(await signIn(person))).toBe(200);
  });

  it("ends the sessions of a member who is removed", async () => {
    const person = await createTestMember({ role: "reader" });
    const cookie = await signIn(person);
    const removed = await callRoute(memberRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/members/${person.member.id}`,
      params: { memberId: person.member.id },
      token: adminToken,
    });
    expect(removed.status).toBe(204);
    expect(await apiStatus(cookie)).toBe(401);
  });

  it("ends the sessions of a member whose password changes, however it is changed", async () => {
    const person = await createTestMember({ role: "reader" });
    const cookie = await signIn(person);
    await prisma.member.update({ where: { id: person.member.id }, data: { passwordHash: "$2b$04$changed" } });
    expect(await apiStatus(cookie)).toBe(401);
  });

  it("accepts a cookie from before session versions (version 0) until the member's sessions are first ended", async () => {
    const secret = env().NEXTAUTH_SECRET ?? "";
    const person = await createTestMember({ role: "reader" });
    const legacy = `next-auth.session-token=${await encode({ token: { sub: person.member.id }, secret })}`;
    expect(await apiStatus(legacy)).toBe(200);
    await signOut(await signIn(person));
    expect(await apiStatus(legacy)).toBe(401);
  });

  it("gives dashboard pages no principal for an ended session (requireSession's check)", async () => {
    const person = await createTestMember({ role: "reader" });
    expect(await resolveSessionPrincipal({ sub: person.member.id, sessionVersion: 0 })).not.toBeNull();
    await prisma.member.update({ where: { id: person.member.id }, data: { sessionVersion: 1 } });
    expect(await resolveSessionPrincipal({ sub: person.member.id, sessionVersion: 0 })).toBeNull();
    expect(await resolveSessionPrincipal({ sub: person.member.id, sessionVersion: 1 })).not.toBeNull();
    expect(await resolveSessionPrincipal({ sub: "not-a-uuid" })).toBeNull();
  });
});
