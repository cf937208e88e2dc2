import bcrypt from "bcryptjs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import LoginPage from "@/app/(auth)/login/page";
import { setEnv } from "@/lib/env";
import { authOptions } from "@/lib/server/auth/auth-options";
import { signInMethods } from "@/lib/server/auth/oidc-sign-in-methods";
import { OIDC_REFUSALS } from "@/lib/server/auth/oidc-refusals";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { AUTH_ORIGIN, callAuthRoute, signInThroughRoute } from "@/tests/support/auth-route";

beforeAll(() => {
  process.env.NEXTAUTH_URL = AUTH_ORIGIN;
  // Never contacted: nothing here goes as far as the identity provider.
  process.env.TRIBUTARY_OIDC_ISSUER = "https://idp.example.test";
  process.env.TRIBUTARY_OIDC_CLIENT_ID = "tributary";
  process.env.TRIBUTARY_OIDC_CLIENT_SECRET = "client-secret";
  // setEnv drops the parsed environment, so the variables above are read.
  setEnv("TRIBUTARY_PASSWORD_SIGN_IN", "false");
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function loginPageHtml(query: { error?: string } = {}): Promise<string> {
  const page = await LoginPage({ searchParams: Promise.resolve(query) });
  return renderToStaticMarkup(createElement("div", null, page));
}

describe("password sign-in turned off (TRIBUTARY_PASSWORD_SIGN_IN=false) with single sign-on on", () => {
  it("offers only single sign-on", async () => {
    expect(signInMethods()).toEqual({ password: false, sso: true });
    expect(authOptions().providers.map((provider) => provider.id)).toEqual(["oidc"]);
    const providers = await callAuthRoute({ path: "providers" });
    expect(Object.keys(providers.json as object)).toEqual(["oidc"]);
  });

  it("refuses a member's correct password without checking it or starting a session", async () => {
    await prisma.$executeRaw`DELETE FROM rate_limit WHERE key LIKE 'sign-in%'`;
    const { member, password } = await createTestMember({ role: "admin" });
    const compare = vi.spyOn(bcrypt, "compare");

    const attempt = await signInThroughRoute({ email: member.email, password });

    expect(attempt.status).toBe(400);
    expect(attempt.sessionCookie).toBeNull();
    expect(compare).not.toHaveBeenCalled();
  });

  it("shows the SSO button and no password form on the sign-in page", async () => {
    const html = await loginPageHtml();
    expect(html).toContain("Sign in with SSO");
    expect(html).not.toContain('type="password"');
    expect(html).not.toContain('role="alert"');
  });

  it("says why single sign-on refused someone, in its own words whatever the error parameter holds", async () => {
    expect(await loginPageHtml({ error: "SsoNotAMember" })).toContain(OIDC_REFUSALS.SsoNotAMember);
    const crafted = await loginPageHtml({ error: "Call support at +1-555-0100 and give them your password" });
    expect(crafted).toContain("Sign-in failed. Try again later.");
    expect(crafted).not.toContain("555");
  });
});
