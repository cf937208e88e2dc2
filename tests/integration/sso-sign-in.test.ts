import { describe, expect, it } from "vitest";
import { signInWithOidc } from "@/lib/server/auth/oidc-sign-in";
import type { OidcSettings } from "@/lib/server/auth/oidc-settings";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";

/** Settings of an identity provider whose people of `allowedDomains` may join (each test its own domains). */
function settings(overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer: "https://idp.example.test",
    clientId: "tributary",
    clientSecret: "secret",
    allowedDomains: [],
    defaultRole: "reader",
    ...overrides,
  };
}

/** An identity provider's claims about `email`: verified unless `verification` says otherwise ({} leaves the claim out). */
function claims(
  email: string | undefined,
  verification: { email_verified?: unknown } = { email_verified: true },
) {
  return { sub: unique("subject"), ...(email !== undefined && { email }), ...verification };
}

const sessionEntries = (email: string) =>
  prisma.auditEntry.findMany({ where: { name: email, kind: "session" }, orderBy: { date: "asc" } });

describe("single sign-on: matching members", () => {
  it("signs an existing member in by verified email, in any case, with their session version, and audits it", async () => {
    const { member } = await createTestMember({ role: "writer" });
    await prisma.member.update({ where: { id: member.id }, data: { sessionVersion: 3 } });

    const outcome = await signInWithOidc(claims(member.email.toUpperCase()), settings());

    expect(outcome).toMatchObject({
      kind: "signedIn",
      provisioned: false,
      member: { id: member.id, sessionVersion: 3, role: "writer" },
    });
    const entries = await sessionEntries(member.email);
    expect(entries).toMatchObject([
      { memberId: member.id, description: `${member.email} signed in with single sign-on` },
    ]);
    expect(entries[0]?.accesses).toEqual([{ action: "signIn", resource: `member/${member.id}` }]);
    const after = await prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.lastSeenAt).not.toBeNull();
  });

  it.each([
    ["false", { email_verified: false }],
    ['the text "true"', { email_verified: "true" }],
    ["missing", {}],
  ])(
    "refuses a member's email whose email_verified is %s, and audits the refusal",
    async (_label, verified) => {
      const { member } = await createTestMember({ role: "admin" });

      const outcome = await signInWithOidc(claims(member.email, verified), settings());

      expect(outcome).toEqual({ kind: "refused", refusal: "SsoEmailUnverified" });
      const entries = await sessionEntries(member.email);
      expect(entries).toHaveLength(1);
      expect(entries[0]?.accesses).toEqual([{ action: "signInFailed", resource: `member/${member.id}` }]);
      expect(entries[0]?.description).toContain("has not verified the email address");
      const after = await prisma.member.findUniqueOrThrow({ where: { id: member.id } });
      expect(after.lastSeenAt).toBeNull();
    },
  );

  it("refuses claims without a usable email address", async () => {
    for (const email of [undefined, "not-an-email", `${"a".repeat(250)}@example.test`]) {
      expect(await signInWithOidc(claims(email), settings())).toEqual({
        kind: "refused",
        refusal: "SsoEmailMissing",
      });
    }
  });
});

describe("single sign-on: people who are not members yet", () => {
  it("refuses someone of a domain that is not allowed, creating no member", async () => {
    const domain = `${unique("corp")}.test`;
    const email = `${unique("stranger")}@elsewhere-${domain}`;

    const outcome = await signInWithOidc(claims(email), settings({ allowedDomains: [domain] }));

    expect(outcome).toEqual({ kind: "refused", refusal: "SsoNotAMember" });
    expect(await prisma.member.findUnique({ where: { email } })).toBeNull();
    const entries = await sessionEntries(email);
    expect(entries[0]?.accesses).toEqual([{ action: "signInFailed", resource: "member/unknown" }]);
  });

  it("does not let a subdomain or a look-alike of an allowed domain in", async () => {
    const domain = `${unique("corp")}.test`;
    for (const email of [`ann@eu.${domain}`, `ann@${domain}.evil.test`, `ann@x${domain}`]) {
      const outcome = await signInWithOidc(claims(email), settings({ allowedDomains: [domain] }));
      expect(outcome, email).toEqual({ kind: "refused", refusal: "SsoNotAMember" });
    }
  });

  it("refuses an unverified email of an allowed domain", async () => {
    const domain = `${unique("corp")}.test`;
    const email = `ann@${domain}`;
    const outcome = await signInWithOidc(
      claims(email, { email_verified: false }),
      settings({ allowedDomains: [domain] }),
    );
    expect(outcome).toEqual({ kind: "refused", refusal: "SsoEmailUnverified" });
    expect(await prisma.member.findUnique({ where: { email } })).toBeNull();
  });

  it("creates a member of an allowed domain with the configured role and their names, audited as their own", async () => {
    const domain = `${unique("corp")}.test`;
    const email = `ann@${domain}`;

    const outcome = await signInWithOidc(
      { ...claims(email), given_name: " Ann ", family_name: "Lee" },
      settings({ allowedDomains: ["other.test", domain], defaultRole: "writer" }),
    );

    expect(outcome).toMatchObject({ kind: "signedIn", provisioned: true, member: { email, role: "writer" } });
    const member = await prisma.member.findUniqueOrThrow({ where: { email } });
    expect(member).toMatchObject({ role: "writer", firstName: "Ann", lastName: "Lee", passwordHash: null });
    const created = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `member/${member.id}`, kind: "member" },
    });
    expect(created).toMatchObject({
      memberId: member.id,
      description: `Created member ${email} with role writer at their first single sign-on`,
      accesses: [{ action: "createMember", resource: `member/${member.id}` }],
    });
    expect(created.currentVersion).toMatchObject({ email, role: "writer", customRoleKeys: [] });
    expect(await sessionEntries(email)).toMatchObject([
      { description: `${email} signed in with single sign-on` },
    ]);
  });

  it("creates one member when the same person's first two sign-ins race", async () => {
    const domain = `${unique("corp")}.test`;
    const email = `ann@${domain}`;
    const both = await Promise.all(
      [1, 2].map(() => signInWithOidc(claims(email), settings({ allowedDomains: [domain] }))),
    );
    const ids = both.map((outcome) => (outcome.kind === "signedIn" ? outcome.member.id : null));
    expect(ids[0]).not.toBeNull();
    expect(ids[1]).toBe(ids[0]);
    expect(both.filter((outcome) => outcome.kind === "signedIn" && outcome.provisioned)).toHaveLength(1);
    expect(await prisma.auditEntry.count({ where: { target: `member/${ids[0]}`, kind: "member" } })).toBe(1);
  });

  it("matches an existing member before any domain rule, keeping their role", async () => {
    const domain = `${unique("corp")}.test`;
    const { member } = await createTestMember({ role: "no_access", email: `bob@${domain}` });
    const outcome = await signInWithOidc(
      claims(member.email),
      settings({ allowedDomains: [domain], defaultRole: "admin" }),
    );
    expect(outcome).toMatchObject({
      kind: "signedIn",
      provisioned: false,
      member: { id: member.id, role: "no_access" },
    });
  });
});
