import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";

type Reader = Pick<Prisma.TransactionClient, "customRole">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The custom roles named by these keys or `_id`s (LaunchDarkly's `customRoleIds` takes either; a key wins over an `_id` it
 * happens to spell), in the order given, each once; an unknown one is a 400 that names `field`.
 */
export async function findRolesByKeys(reader: Reader, keys: readonly string[], field: string) {
  if (keys.length === 0) return [];
  const ids = keys.filter((key) => UUID.test(key));
  const rows = await reader.customRole.findMany({
    where: { OR: [{ key: { in: [...keys] } }, ...(ids.length > 0 ? [{ id: { in: ids } }] : [])] },
  });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found = keys.map((key) => {
    const row = byKey.get(key) ?? byId.get(key.toLowerCase());
    if (row === undefined) {
      throw new ApiError("invalid_request", `Invalid request: ${field}: unknown custom role "${key}"`);
    }
    return row;
  });
  return [...new Map(found.map((row) => [row.id, row])).values()];
}
