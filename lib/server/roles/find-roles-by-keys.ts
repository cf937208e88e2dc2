import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";

type Reader = Pick<Prisma.TransactionClient, "customRole">;

/** The custom roles with these keys, in the order given; an unknown key is a 400 that names `field`. */
export async function findRolesByKeys(reader: Reader, keys: readonly string[], field: string) {
  if (keys.length === 0) return [];
  const rows = await reader.customRole.findMany({ where: { key: { in: [...keys] } } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return keys.map((key) => {
    const row = byKey.get(key);
    if (row === undefined) {
      throw new ApiError("invalid_request", `Invalid request: ${field}: unknown custom role "${key}"`);
    }
    return row;
  });
}
