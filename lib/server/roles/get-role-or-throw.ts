import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A custom role by key or by `_id` (LaunchDarkly takes either; a key wins over an `_id` it happens to spell) that the
 * principal may view. One it may not view is answered exactly like a key that does not exist (404, same message), so a
 * caller learns nothing of what exists before any other check or patch operation runs.
 */
export async function getRoleOrThrow(principal: Principal, keyOrId: string) {
  const role =
    (await prisma.customRole.findUnique({ where: { key: keyOrId } })) ??
    (UUID.test(keyOrId) ? await prisma.customRole.findUnique({ where: { id: keyOrId } }) : null);
  const visible = role !== null && checkAccess(principal, "viewRole", roleResource(role.key)).allowed;
  if (!role || !visible) throw new ApiError("not_found", `Custom role "${keyOrId}" not found`);
  return role;
}
