import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { roleResource } from "@/lib/server/access/resource-names";

type Reader = Pick<Prisma.TransactionClient, "customRole">;

/** Who names the roles: one it may not view is unknown to it, unless the member or token already holds it. */
export type RoleNamer = { principal: Principal; held: readonly string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The custom roles named by these keys or `_id`s (LaunchDarkly's `customRoleIds` takes either; a key wins over an `_id` it
 * happens to spell), in the order given, each once. An unknown one is a 400 that names `field`, and so is one that
 * `namer` may not view and that is not already held: a caller learns nothing of a role it cannot see, neither that it
 * exists nor (through a refused grant) what it allows.
 */
export async function findRolesByKeys(
  reader: Reader,
  keys: readonly string[],
  field: string,
  namer?: RoleNamer,
) {
  if (keys.length === 0) return [];
  const ids = keys.filter((key) => UUID.test(key));
  const rows = await reader.customRole.findMany({
    where: { OR: [{ key: { in: [...keys] } }, ...(ids.length > 0 ? [{ id: { in: ids } }] : [])] },
  });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const held = new Set(namer?.held);
  const found = keys.map((key) => {
    const row = byKey.get(key) ?? byId.get(key.toLowerCase());
    const hidden =
      row !== undefined &&
      namer !== undefined &&
      !held.has(row.key) &&
      !checkAccess(namer.principal, "viewRole", roleResource(row.key)).allowed;
    if (row === undefined || hidden) {
      throw new ApiError("invalid_request", `Invalid request: ${field}: unknown custom role "${key}"`);
    }
    return row;
  });
  return [...new Map(found.map((row) => [row.id, row])).values()];
}
