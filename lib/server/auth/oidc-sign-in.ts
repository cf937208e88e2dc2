import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { prisma } from "@/lib/server/db";
import { memberAuditVersion } from "@/lib/server/members/member-audit-version";
import { readOidcClaims, type OidcClaims } from "@/lib/server/auth/oidc-claims";
import type { OidcRefusal } from "@/lib/server/auth/oidc-refusals";
import type { OidcSettings } from "@/lib/server/auth/oidc-settings";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type SignedInMember = { id: string; email: string; role: string; sessionVersion: number };

export type OidcSignInOutcome =
  | { kind: "signedIn"; member: SignedInMember; provisioned: boolean }
  | { kind: "refused"; refusal: OidcRefusal };

const REFUSAL_REASONS: Record<Exclude<OidcRefusal, "SsoFailed">, string> = {
  SsoEmailMissing: "the identity provider sent no email address",
  SsoEmailUnverified: "the identity provider has not verified the email address",
  SsoNotAMember: "no member has this email and its domain may not join",
};

function sessionPrincipal(member: SignedInMember): Principal {
  return {
    kind: "session",
    member: { id: member.id, email: member.email, role: member.role },
    token: null,
    roles: [],
    boundedBy: null,
  };
}

async function refuse(
  refusal: Exclude<OidcRefusal, "SsoFailed">,
  claims: OidcClaims,
  memberId: string | null,
): Promise<OidcSignInOutcome> {
  const who = claims.email ?? `subject ${claims.subject}`;
  await runTransaction((tx) =>
    recordAuditEntry(
      tx,
      null,
      {
        kind: "session",
        name: who,
        description: `Refused single sign-on for ${who}: ${REFUSAL_REASONS[refusal]}`,
        action: "signInFailed",
        target: memberId === null ? "member/unknown" : memberResource(memberId),
      },
      claims.email ?? undefined,
    ),
  );
  return { kind: "refused", refusal };
}

async function recordSignIn(tx: Prisma.TransactionClient, member: SignedInMember): Promise<void> {
  await tx.member.update({ where: { id: member.id }, data: { lastSeenAt: new Date() } });
  await recordAuditEntry(tx, sessionPrincipal(member), {
    kind: "session",
    name: member.email,
    description: `${member.email} signed in with single sign-on`,
    action: "signIn",
    target: memberResource(member.id),
  });
}

/**
 * Creates the member for a person of an allowed domain, unless a concurrent first sign-in of the same person already
 * did (then that member signs in), and records the sign-in, in one transaction.
 */
async function provisionMember(
  email: string,
  claims: OidcClaims,
  settings: OidcSettings,
): Promise<OidcSignInOutcome> {
  return runTransaction(async (tx) => {
    const [created] = await tx.member.createManyAndReturn({
      data: [
        {
          email,
          role: settings.defaultRole,
          passwordHash: null,
          firstName: claims.firstName,
          lastName: claims.lastName,
        },
      ],
      skipDuplicates: true,
    });
    const member = created ?? (await tx.member.findUniqueOrThrow({ where: { email } }));
    if (created) {
      await recordAuditEntry(tx, sessionPrincipal(created), {
        kind: "member",
        name: email,
        description: `Created member ${email} with role ${created.role} at their first single sign-on`,
        action: "createMember",
        target: memberResource(created.id),
        current: memberAuditVersion({ ...created, customRoles: [] }),
      });
    }
    await recordSignIn(tx, member);
    return { kind: "signedIn", member, provisioned: created !== undefined };
  });
}

function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/**
 * Decides who an identity provider's claims sign in as. A member is matched by email only when the provider has verified
 * it (`email_verified: true`), since anyone can put any address in an unverified profile. Someone who is no member is
 * let in, with the configured role, only when their verified email's domain is allowed. Every outcome is audited.
 */
export async function signInWithOidc(rawClaims: unknown, settings: OidcSettings): Promise<OidcSignInOutcome> {
  const claims = readOidcClaims(rawClaims);
  const { email } = claims;
  if (email === null) return refuse("SsoEmailMissing", claims, null);
  const existing = await prisma.member.findUnique({ where: { email } });
  if (!claims.emailVerified) return refuse("SsoEmailUnverified", claims, existing?.id ?? null);
  if (existing) {
    await runTransaction((tx) => recordSignIn(tx, existing));
    return { kind: "signedIn", member: existing, provisioned: false };
  }
  if (!settings.allowedDomains.includes(emailDomain(email))) return refuse("SsoNotAMember", claims, null);
  return provisionMember(email, claims, settings);
}
