import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/server/db";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { memberResource } from "@/lib/server/access/resource-names";
import { signInDelayMs } from "@/lib/server/auth/sign-in-throttle";

export type AuthenticatedMember = { id: string; email: string; name: string };

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins for this email. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Checks an email and password. Failures are counted per email (also unknown ones) and slow that email down. */
export async function authenticateMember(
  emailInput: string,
  password: string,
): Promise<AuthenticatedMember | null> {
  const email = emailInput.trim().toLowerCase();
  const throttle = await prisma.signInThrottle.findUnique({ where: { email } });
  if (throttle) {
    const waitMs = throttle.lastFailureAt.getTime() + signInDelayMs(throttle.failures) - Date.now();
    if (waitMs > 0) throw new SignInThrottledError(Math.ceil(waitMs / 1000));
  }

  const member = await prisma.member.findUnique({ where: { email } });
  const valid = member ? await bcrypt.compare(password, member.passwordHash) : false;

  if (!member || !valid) {
    await prisma.$transaction(async (tx) => {
      await tx.signInThrottle.upsert({
        where: { email },
        create: { email, failures: 1, lastFailureAt: new Date() },
        update: { failures: { increment: 1 }, lastFailureAt: new Date() },
      });
      await recordAuditEntry(
        tx,
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
    });
    return null;
  }

  await prisma.$transaction(async (tx) => {
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
  return { id: member.id, email, name };
}
