import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { INVITE_LINK_TTL_DAYS, RESET_LINK_TTL_HOURS, type PasswordLinkKind } from "@/lib/schemas/invite";
import { newLinkSecret } from "@/lib/server/invites/new-link-secret";

const HOUR_MS = 60 * 60 * 1000;

const TTL_MS: Record<PasswordLinkKind, number> = {
  invite: INVITE_LINK_TTL_DAYS * 24 * HOUR_MS,
  reset: RESET_LINK_TTL_HOURS * HOUR_MS,
};

/**
 * Stores a new link for the member in the caller's transaction, replacing any link the member had (a member has at most
 * one, so re-issuing kills the old one). Returns the secret, which exists nowhere else from now on.
 */
export async function storePasswordLink(
  tx: Pick<Prisma.TransactionClient, "passwordLink">,
  memberId: string,
  kind: PasswordLinkKind,
): Promise<{ secret: string; expiresAt: Date }> {
  const { secret, secretHash } = newLinkSecret();
  const expiresAt = new Date(Date.now() + TTL_MS[kind]);
  const data = { kind, secretHash, expiresAt, createdAt: new Date() };
  await tx.passwordLink.upsert({ where: { memberId }, create: { memberId, ...data }, update: data });
  return { secret, expiresAt };
}
