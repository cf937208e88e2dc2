import "server-only";
import { prisma } from "@/lib/server/db";
import type { RoleResponse } from "@/lib/schemas/role";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";
import { serializeRole } from "@/lib/server/roles/serialize-role";

/**
 * The custom roles the principal may view, by creation date then `_id`. Roles are few, so they are filtered in memory and
 * `totalCount` counts only visible ones. A principal that may view no role at all gets 403 rather than an empty list.
 */
export async function listRoles(
  principal: Principal,
  page: { limit: number; offset: number },
): Promise<{ items: RoleResponse[]; totalCount: number }> {
  const rows = await prisma.customRole.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const visible = rows.filter((role) => checkAccess(principal, "viewRole", roleResource(role.key)).allowed);
  if (visible.length === 0) {
    const decision = checkAccess(principal, "viewRole", roleResource("*"));
    if (!decision.allowed)
      throw new ApiError("forbidden", `Access denied: you may not view roles (${decision.reason})`);
  }
  return {
    items: visible.slice(page.offset, page.offset + page.limit).map(serializeRole),
    totalCount: visible.length,
  };
}
