import "server-only";
import { prisma } from "@/lib/server/db";
import type { MemberFilter, MemberResponse } from "@/lib/schemas/member";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { memberResource } from "@/lib/server/access/resource-names";
import { MEMBER_INCLUDE, serializeMember } from "@/lib/server/members/serialize-member";

/**
 * The members the principal may view that LaunchDarkly's `filter` keeps, by creation date then `_id`, filtered in memory so that `totalCount` counts only
 * visible ones. A principal that may view no member at all gets 403 rather than an empty list.
 */
export async function listMembers(
  principal: Principal,
  page: { limit: number; offset: number; filter?: MemberFilter },
): Promise<{ items: MemberResponse[]; totalCount: number }> {
  const { query, roles } = page.filter ?? {};
  const rows = await prisma.member.findMany({
    where: {
      ...(roles !== undefined && { role: { in: roles } }),
      ...(query !== undefined &&
        query !== "" && {
          OR: (["email", "firstName", "lastName"] as const).map((field) => ({
            [field]: { contains: query, mode: "insensitive" as const },
          })),
        }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: MEMBER_INCLUDE,
  });
  const visible = rows.filter(
    (member) => checkAccess(principal, "viewMember", memberResource(member.id)).allowed,
  );
  if (visible.length === 0) {
    const decision = checkAccess(principal, "viewMember", memberResource("*"));
    if (!decision.allowed)
      throw new ApiError("forbidden", `Access denied: you may not view members (${decision.reason})`);
  }
  return {
    items: visible.slice(page.offset, page.offset + page.limit).map(serializeMember),
    totalCount: visible.length,
  };
}
