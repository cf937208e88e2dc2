import "server-only";
import { passwordLinkSchema, type PasswordLinkList } from "@/lib/schemas/invite";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { prisma } from "@/lib/server/db";

/**
 * The invite and reset links of the members the principal may view (`viewMember`), expired ones included (so a list can
 * offer a new link), never their secrets. A principal that may view no member at all gets 403, as the member list does.
 */
export async function listPasswordLinks(principal: Principal): Promise<PasswordLinkList> {
  const decision = checkAccess(principal, "viewMember", memberResource("*"));
  const rows = await prisma.passwordLink.findMany({
    include: { member: { select: { email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const visible = rows.filter(
    (row) => checkAccess(principal, "viewMember", memberResource(row.memberId)).allowed,
  );
  if (visible.length === 0 && !decision.allowed)
    throw new ApiError("forbidden", `Access denied: you may not view members (${decision.reason})`);
  return {
    items: visible.map((row) =>
      passwordLinkSchema.parse({
        memberId: row.memberId,
        email: row.member.email,
        kind: row.kind,
        createdAt: row.createdAt.getTime(),
        expiresAt: row.expiresAt.getTime(),
      }),
    ),
  };
}
