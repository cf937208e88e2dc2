import bcrypt from "bcryptjs";
import { prisma } from "@/lib/server/db";
import { unique } from "./unique";

export async function createTestMember(options: { role?: string; email?: string; password?: string } = {}) {
  const password = options.password ?? "correct-horse-battery";
  const member = await prisma.member.create({
    data: {
      email: options.email ?? `${unique("member")}@example.test`,
      passwordHash: await bcrypt.hash(password, 4),
      role: options.role ?? "writer",
    },
  });
  return { member, password };
}
