import "server-only";
import { passwordChangeSchema } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { endMemberSessions } from "@/lib/server/auth/end-member-sessions";
import { reserveSignInAttempt } from "@/lib/server/auth/reserve-sign-in-attempt";
import { verifyPassword } from "@/lib/server/auth/verify-password";
import { prisma } from "@/lib/server/db";
import { hashMemberPassword } from "@/lib/server/invites/hash-member-password";
import { assertPasswordSignIn } from "@/lib/server/invites/assert-password-sign-in";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/**
 * A signed-in member changes their own password: only from a dashboard session (a token never sets its member's
 * password), with the current password, which counts against the email's sign-in throttle like a sign-in (a stolen
 * session cannot guess it any faster). Every session of the member ends; the caller re-issues the current one with the
 * returned session version.
 */
export async function changePassword(
  principal: Principal,
  body: unknown,
): Promise<{ sessionVersion: number }> {
  if (principal.kind !== "session" || principal.token !== null)
    throw new ApiError("forbidden", "Only a dashboard session can change its member's password");
  assertPasswordSignIn();
  const input = passwordChangeSchema.parse(body);
  const { id, email } = principal.member;
  const waitSeconds = await reserveSignInAttempt(email);
  if (waitSeconds !== null)
    throw new ApiError("rate_limited", `Too many wrong passwords. Try again in ${waitSeconds} seconds.`, {
      "Retry-After": String(waitSeconds),
    });
  const member = await prisma.member.findUniqueOrThrow({ where: { id } });
  if (!(await verifyPassword(input.currentPassword, member.passwordHash)))
    throw new ApiError("invalid_request", "Invalid request: currentPassword: is not your current password");
  const passwordHash = await hashMemberPassword(input.newPassword);
  return runTransaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { email } });
    await tx.member.update({ where: { id }, data: { passwordHash } });
    await endMemberSessions(tx, id);
    await recordAuditEntry(tx, principal, {
      kind: "member",
      name: email,
      description: `${email} changed their password`,
      action: "changePassword",
      target: memberResource(id),
    });
    const { sessionVersion } = await tx.member.findUniqueOrThrow({
      where: { id },
      select: { sessionVersion: true },
    });
    return { sessionVersion };
  });
}
