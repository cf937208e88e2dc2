import "server-only";
import { touchTokenLastUsedStatement } from "@/lib/server/access/tokens/touch-token-last-used-statement";
import { selectTokenPrincipalStatement } from "@/lib/server/access/tokens/select-token-principal-statement";
import { pgPool } from "@/lib/server/db";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";
import type { NamedPolicy, Principal } from "@/lib/server/access/principal";
import { builtInRolePolicy, customRolePolicies, memberPolicies } from "@/lib/server/access/member-policies";
import { policySchema } from "@/lib/schemas/policy";

const LAST_USED_GRANULARITY_MS = 60_000;

type TokenRow = {
  id: string;
  by_current_value: boolean;
  previous_expires_at: Date | null;
  name: string;
  ending: string;
  role: string | null;
  inline_role: unknown;
  service_token: boolean;
  expires_at: Date | null;
  last_used_at: Date | null;
  member_id: string;
  email: string;
  member_role: string;
  token_roles: { key: string; policy: unknown }[];
  member_roles: { key: string; policy: unknown }[];
};

/**
 * Finds the token by the hash of its value (the current value, or a reset's old value within its grace period). Served
 * from the process's principal cache when it can be (see token-principal-cache.ts); the last use is recorded at most once
 * a minute either way.
 */
export async function resolveTokenPrincipal(value: string): Promise<Principal | null> {
  const hashedValue = hashToken(value);
  const now = Date.now();
  const cached = tokenPrincipalCache.get(hashedValue, now);
  if (cached) {
    if (cached.lastUsedAt === null || now - cached.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
      await touchLastUsed(cached.tokenId, now);
      cached.lastUsedAt = now;
    }
    return cached.principal;
  }

  const generation = tokenPrincipalCache.generation();
  const result = await pgPool().query<TokenRow>(selectTokenPrincipalStatement.query({ hashedValue }));
  const token = result.rows[0];
  if (!token) return null;
  const validUntil = token.by_current_value
    ? (token.expires_at?.getTime() ?? null)
    : Math.min(token.previous_expires_at?.getTime() ?? 0, token.expires_at?.getTime() ?? Infinity);
  if (validUntil !== null && validUntil <= now) return null;

  let lastUsedAt = token.last_used_at?.getTime() ?? null;
  if (lastUsedAt === null || now - lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    await touchLastUsed(token.id, now);
    lastUsedAt = now;
  }

  const roles: NamedPolicy[] = [
    ...(token.role ? builtInRolePolicy(token.role) : []),
    ...customRolePolicies(token.token_roles),
  ];
  const inline = token.inline_role === null ? null : policySchema.safeParse(token.inline_role);
  if (inline?.success) roles.push({ name: "inline policy", policy: inline.data });

  const principal: Principal = {
    kind: "token",
    member: { id: token.member_id, email: token.email, role: token.member_role },
    token: {
      id: token.id,
      name: token.name,
      ending: token.ending,
      serviceToken: token.service_token,
      graceValue: !token.by_current_value,
    },
    roles,
    boundedBy: token.service_token ? null : memberPolicies(token.member_role, token.member_roles),
  };
  tokenPrincipalCache.remember(
    hashedValue,
    { principal, tokenId: token.id, validUntil, lastUsedAt },
    generation,
    now,
  );
  return principal;
}

async function touchLastUsed(tokenId: string, now: number): Promise<void> {
  await pgPool().query(touchTokenLastUsedStatement.query({ tokenId, usedAt: new Date(now) }));
}
