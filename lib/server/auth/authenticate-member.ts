import "server-only";
import { prisma } from "@/lib/server/db";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { memberResource } from "@/lib/server/access/resource-names";
import { reserveSignInAttempt } from "@/lib/server/auth/reserve-sign-in-attempt";
import { verifyPassword } from "@/lib/server/auth/verify-password";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export type AuthenticatedMember = { id: string; email: string; name: string; sessionVersion: number };

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins for this email. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * Checks an email and password. Failures are counted per email (also unknown ones) and slow that email down; an unknown
 * email costs the same bcrypt work as a member's.
 */
export async function authenticateMember(
  emailInput: string,
  password: string,
): Promise<AuthenticatedMember | null> {
  const email = emailInput.trim().toLowerCase();
  const waitSeconds = await reserveSignInAttempt(email);
  if (waitSeconds !== null) throw new SignInThrottledError(waitSeconds);

  const member = await prisma.member.findUnique({ where: { email } });
  const valid = await verifyPassword(password, member?.passwordHash ?? null);

  if (!member || !valid) {
    // The reservation has already counted this attempt as a failure.
    await recordAuditEntry(
      prisma,
      null,
      {
        kind: "session",
        name: email,
        description: `Failed sign-in for ${email}`,
        action: "signInFailed",
        target: member ? memberResource(member.id) : "member/unknown",
      },
      email,
    );
    return null;
  }

  await runTransaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { email } });
    await tx.member.update({ where: { id: member.id }, data: { lastSeenAt: new Date() } });
    await recordAuditEntry(
      tx,
      {
        kind: "session",
        member: { id: member.id, email, role: member.role },
        token: null,
        roles: [],
        boundedBy: null,
      },
      {
        kind: "session",
        name: email,
        description: `${email} signed in`,
        action: "signIn",
        target: memberResource(member.id),
      },
    );
  });
  const name = [member.firstName, member.lastName].filter(Boolean).join(" ") || email;
  return { id: member.id, email, name, sessionVersion: member.sessionVersion };
}
