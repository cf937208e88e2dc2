import { decode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as projectsRoute from "@/app/api/v2/projects/route";
import { env, setEnv } from "@/lib/env";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import { AUTH_ORIGIN, callAuthRoute, csrf } from "@/tests/support/auth-route";
import { callRoute } from "@/tests/support/call-route";
import { startOidcProvider, type OidcTestProvider } from "@/tests/support/oidc-provider";
import { signInThroughSso } from "@/tests/support/oidc-sign-in-flow";

const allowedDomain = `${unique("corp")}.test`;
let provider: OidcTestProvider;

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [`${AUTH_ORIGIN}/api/auth/callback/oidc`] });
  process.env.NEXTAUTH_URL = AUTH_ORIGIN;
  process.env.TRIBUTARY_OIDC_ISSUER = provider.issuer;
  process.env.TRIBUTARY_OIDC_CLIENT_ID = provider.clientId;
  process.env.TRIBUTARY_OIDC_CLIENT_SECRET = provider.clientSecret;
  // setEnv drops the parsed environment, so the variables above are read.
  setEnv("TRIBUTARY_OIDC_ALLOWED_DOMAINS", allowedDomain);
});

afterAll(async () => {
  await provider.stop();
});

beforeEach(async () => {
  await prisma.$executeRaw`DELETE FROM rate_limit WHERE key LIKE 'sign-in%'`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A person the provider knows, signing in with `login`. */
function person(email: string, emailVerified: boolean | string = true): string {
  const login = unique("login");
  provider.addAccount({ login, email, emailVerified });
  return login;
}

async function apiStatus(sessionCookie: string): Promise<number> {
  const answer = await callRoute(projectsRoute.GET, {
    path: "/api/v2/projects",
    headers: { cookie: sessionCookie },
  });
  return answer.status;
}

async function sessionClaims(sessionCookie: string) {
  const secret = env().NEXTAUTH_SECRET ?? "";
  return decode({ token: sessionCookie.slice(sessionCookie.indexOf("=") + 1), secret });
}

describe("single sign-on through next-auth and a real OpenID Connect provider", () => {
  it("signs an existing member in through the provider's login form with a session like a password sign-in's", async () => {
    const { member } = await createTestMember({ role: "reader" });
    await prisma.member.update({ where: { id: member.id }, data: { sessionVersion: 2 } });

    const signedIn = await signInThroughSso(provider, person(member.email));

    expect(signedIn.callbackHost).toBe(AUTH_ORIGIN);
    expect(signedIn.location).toBe(`${AUTH_ORIGIN}/projects`);
    expect(signedIn.sessionCookie).not.toBeNull();
    const cookie = signedIn.sessionCookie ?? "";
    expect(await sessionClaims(cookie)).toMatchObject({ sub: member.id, sessionVersion: 2 });
    expect(await apiStatus(cookie)).toBe(200);
  });

  it("creates a member of an allowed domain at their first sign-in, with the default role", async () => {
    const email = `${unique("new")}@${allowedDomain}`;

    const signedIn = await signInThroughSso(provider, person(email));

    const member = await prisma.member.findUniqueOrThrow({ where: { email } });
    expect(member.role).toBe("reader");
    expect(await sessionClaims(signedIn.sessionCookie ?? "")).toMatchObject({
      sub: member.id,
      sessionVersion: 0,
    });
    expect(await apiStatus(signedIn.sessionCookie ?? "")).toBe(200);
  });

  it("sends someone of a foreign domain back to the sign-in page with the reason, without a session or a member", async () => {
    const email = `${unique("stranger")}@foreign-${allowedDomain}`;

    const refused = await signInThroughSso(provider, person(email));

    expect(refused.location).toBe("/login?error=SsoNotAMember");
    expect(refused.sessionCookie).toBeNull();
    expect(await prisma.member.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses a member whose email the provider has not verified", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const refused = await signInThroughSso(provider, person(member.email, false));
    expect(refused.location).toBe("/login?error=SsoEmailUnverified");
    expect(refused.sessionCookie).toBeNull();
  });

  it("ends the session at sign-out, as for a password sign-in", async () => {
    const { member } = await createTestMember({ role: "reader" });
    const cookie = (await signInThroughSso(provider, person(member.email))).sessionCookie ?? "";
    expect(await apiStatus(cookie)).toBe(200);

    const { csrfToken, cookie: csrfCookie } = await csrf();
    const signedOut = await callAuthRoute({
      path: "signout",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrfCookie}; ${cookie}` },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    });
    expect(signedOut.status).toBe(200);
    expect(await apiStatus(cookie)).toBe(401);
  });

  it("sends the browser back only to this origin after signing in", async () => {
    const { member } = await createTestMember({ role: "reader" });
    const signedIn = await signInThroughSso(provider, person(member.email), "https://evil.example/steal");
    expect(signedIn.sessionCookie).not.toBeNull();
    expect(new URL(signedIn.location ?? "", AUTH_ORIGIN).origin).toBe(AUTH_ORIGIN);
  });

  it("turns an unexpected error into the generic refusal, never its text", async () => {
    const { member } = await createTestMember({ role: "reader" });
    vi.spyOn(prisma.member, "findUnique").mockRejectedValueOnce(new Error("relation member: secret-db-text"));

    const refused = await signInThroughSso(provider, person(member.email));

    expect(refused.location).toBe("/login?error=SsoFailed");
    expect(refused.sessionCookie).toBeNull();
  });
});
