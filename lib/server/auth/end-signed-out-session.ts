import "server-only";
import { prisma } from "@/lib/server/db";
import { readSessionClaims, type SessionClaims } from "@/lib/server/auth/read-session-claims";

/**
 * Sign-out: ends the member's sessions of the signed-out token's version, so a copy of that cookie stops working too
 * (and so do the member's other sessions of that version: a JWT cannot be revoked alone). A token already ended changes
 * nothing, so an old cookie cannot sign anyone out.
 */
export async function endSignedOutSession(claims: SessionClaims | null | undefined): Promise<void> {
  const session = readSessionClaims(claims);
  if (!session) return;
  await prisma.member.updateMany({
    where: { id: session.memberId, sessionVersion: session.sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
}
