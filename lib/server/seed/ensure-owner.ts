import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { prisma } from "@/lib/server/db";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { memberResource } from "@/lib/server/access/resource-names";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

export type OwnerLogin = { email: string; password: string | null; created: boolean };

/**
 * On first start there is no member: the owner comes from TRIBUTARY_ADMIN_EMAIL / TRIBUTARY_ADMIN_PASSWORD, else a demo
 * owner with a random password is created and its password returned once so the caller can print and keep it.
 */
export async function ensureOwner(admin: { email?: string; password?: string }): Promise<OwnerLogin> {
  const existing = await prisma.member.findFirst({ where: { role: "owner" } });
  if (existing) return { email: existing.email, password: null, created: false };
  const email = (admin.email ?? "admin@tributary.local").toLowerCase();
  const password = admin.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await bcrypt.hash(password, 10);
  await runTransaction(async (tx) => {
    const member = await tx.member.create({
      data: { email, passwordHash, role: "owner", firstName: "Tributary", lastName: "Owner" },
    });
    await recordAuditEntry(
      tx,
      null,
      {
        kind: "member",
        name: email,
        description: `Created the owner ${email} on first start`,
        action: "createMember",
        target: memberResource(member.id),
        current: { email, role: "owner" },
      },
      "system",
    );
  });
  return { email, password, created: true };
}
