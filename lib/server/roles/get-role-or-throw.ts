import "server-only";
import { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";

export async function getRoleOrThrow(roleKey: string) {
  const role = await prisma.customRole.findUnique({ where: { key: roleKey } });
  if (!role) throw new ApiError("not_found", `Custom role "${roleKey}" not found`);
  return role;
}
