import "server-only";
import { LINK_SECRET_PATTERN, PASSWORD_LINK_KINDS, type PasswordLinkKind } from "@/lib/schemas/invite";
import { prisma } from "@/lib/server/db";
import { hashLinkSecret } from "@/lib/server/invites/hash-link-secret";

export type UsablePasswordLink = { memberId: string; email: string; kind: PasswordLinkKind; expiresAt: Date };

/**
 * The link a secret opens, when it can still be used for `kind`: stored, not expired, and its member in the state the kind
 * expects (an invite's member still pending, a reset's member with a password). Null otherwise, whatever the reason, so
 * an unknown, used, revoked and expired link cannot be told apart.
 */
export async function findUsablePasswordLink(
  secret: string,
  kind?: PasswordLinkKind,
): Promise<UsablePasswordLink | null> {
  if (!LINK_SECRET_PATTERN.test(secret)) return null;
  const link = await prisma.passwordLink.findUnique({
    where: { secretHash: hashLinkSecret(secret) },
    include: { member: { select: { email: true, passwordHash: true } } },
  });
  if (!link || link.expiresAt.getTime() <= Date.now()) return null;
  const linkKind = PASSWORD_LINK_KINDS.find((each) => each === link.kind);
  if (linkKind === undefined || (kind !== undefined && kind !== linkKind)) return null;
  if ((linkKind === "invite") !== (link.member.passwordHash === null)) return null;
  return { memberId: link.memberId, email: link.member.email, kind: linkKind, expiresAt: link.expiresAt };
}
