import "server-only";
import type { PasswordLinkIssued } from "@/lib/schemas/invite";
import type { MemberResponse, MemberToCreate } from "@/lib/schemas/member";
import type { Principal } from "@/lib/server/access/principal";
import { passwordLinkUrl } from "@/lib/server/invites/password-link-url";
import { sendPasswordLinkEmail } from "@/lib/server/invites/send-password-link-email";
import { storePasswordLink } from "@/lib/server/invites/store-password-link";
import { createMembers } from "@/lib/server/members/create-members";

export type CreatedInvites = { members: MemberResponse[]; links: PasswordLinkIssued[] };

/**
 * Invites members, all or none, through the front door of member creation (`createMember`; the role and custom roles may
 * not grant more than the caller holds; not by a reset's old value). Each member without a password is a pending invite
 * with a one-time invite link, stored in the same transaction; once it has committed, each link is emailed when SMTP is
 * configured. The links are returned for the caller to show once (the API's LaunchDarkly list answers without them).
 */
export async function createInvites(
  principal: Principal,
  inputs: readonly MemberToCreate[],
  baseUrl: string,
): Promise<CreatedInvites> {
  // Keyed by member: a retried transaction stores new secrets, and only the last attempt's are the committed ones.
  const secrets = new Map<string, { email: string; secret: string; expiresAt: Date }>();
  const members = await createMembers(principal, inputs, async (tx, member) => {
    if (member.passwordHash !== null) return;
    const { secret, expiresAt } = await storePasswordLink(tx, member.id, "invite");
    secrets.set(member.id, { email: member.email, secret, expiresAt });
  });
  const links: PasswordLinkIssued[] = [];
  for (const member of members) {
    const stored = secrets.get(member._id);
    if (!stored) continue;
    const url = passwordLinkUrl(baseUrl, "invite", stored.secret);
    const emailed = await sendPasswordLinkEmail({
      to: stored.email,
      kind: "invite",
      url,
      expiresAt: stored.expiresAt,
    });
    links.push({
      memberId: member._id,
      email: stored.email,
      kind: "invite",
      url,
      expiresAt: stored.expiresAt.getTime(),
      emailed,
    });
  }
  return { members, links };
}
