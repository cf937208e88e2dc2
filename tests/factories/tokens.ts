import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { generateTokenValue } from "@/lib/server/access/tokens/generate-token-value";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { createTestMember } from "./members";
import { unique } from "./unique";

type TokenOptions = {
  /** A built-in role, or null with `policy` for an inline policy. */
  role?: string | null;
  policy?: Policy;
  serviceToken?: boolean;
  memberId?: string;
  expiresAt?: Date;
};

/** Creates a token straight in the database and returns its value (shown once, like the real API). */
export async function createTestToken(options: TokenOptions = {}) {
  const memberId = options.memberId ?? (await createTestMember({ role: "admin" })).member.id;
  const { value, ending } = generateTokenValue();
  const token = await prisma.accessToken.create({
    data: {
      name: unique("token"),
      hashedValue: hashToken(value),
      ending,
      role: options.policy ? (options.role ?? null) : (options.role ?? "writer"),
      inlineRole: options.policy,
      serviceToken: options.serviceToken ?? true,
      memberId,
      expiresAt: options.expiresAt,
    },
  });
  return { value, token };
}

/** The value of a new token whose only access is the inline `policy`. */
export async function createTestPolicyToken(policy: Policy): Promise<string> {
  return (await createTestToken({ role: null, policy })).value;
}
