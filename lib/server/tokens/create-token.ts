import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_EPOCH_MS, type TokenCreate, type TokenResponse } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";
import { customRolePolicies } from "@/lib/server/access/member-policies";
import type { Principal } from "@/lib/server/access/principal";
import { tokenResource } from "@/lib/server/access/resource-names";
import { generateTokenValue } from "@/lib/server/access/tokens/generate-token-value";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { findRolesByKeys } from "@/lib/server/roles/find-roles-by-keys";
import { assertCanGrant } from "@/lib/server/tokens/assert-can-grant";
import { assertMayCreateToken } from "@/lib/server/tokens/assert-may-create-token";
import { serializeToken, TOKEN_INCLUDE } from "@/lib/server/tokens/serialize-token";
import { tokenAuditVersion } from "@/lib/server/tokens/token-audit-version";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** Who creates the token: a caller of the API, or the command line (which has the database itself, so no policy applies). */
export type TokenCreator = Principal | "cli";

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", `Invalid request: ${field}: ${message}`);
}

/**
 * Creates an access token and returns it with its full value, the only time the value is shown. Without a role of any
 * kind the token is a `reader`. An API caller needs `createAccessToken` on the new token and may not grant more than it
 * holds, and only a session or a personal token creates personal tokens (for its own member); the command line creates a
 * service token owned by the owner. Audited in the same transaction.
 */
export async function createToken(creator: TokenCreator, input: TokenCreate): Promise<TokenResponse> {
  const customRoleKeys = input.customRoleIds ?? [];
  // An empty list is "not given", as clients that always send every field mean it.
  const inlineRole = input.inlineRole !== undefined && input.inlineRole.length > 0 ? input.inlineRole : null;
  const custom = customRoleKeys.length > 0 || inlineRole !== null;
  if (input.role !== undefined && custom) {
    throw invalid("role", "give either a built-in role or customRoleIds/inlineRole, not both");
  }
  if (input.expiresAt !== undefined && input.expiresAt <= Date.now()) {
    throw invalid("expiresAt", "must be in the future");
  }
  // The schema caps it too; checked here as well because an invalid Date would fail inside the write, whose error text
  // names the new token's hash.
  if (input.expiresAt !== undefined && !(input.expiresAt <= MAX_EPOCH_MS)) {
    throw invalid("expiresAt", "must be epoch milliseconds of a valid date");
  }
  const role = input.role ?? (custom ? null : "reader");
  const id = randomUUID();
  const serviceToken = creator === "cli" || input.serviceToken === true;
  const principal = creator === "cli" ? null : creator;
  if (principal) assertMayCreateToken(principal, id, serviceToken);

  const { value, ending } = generateTokenValue();
  const token = await runTransaction(async (tx) => {
    const memberId = principal?.member.id ?? (await tx.member.findFirst({ where: { role: "owner" } }))?.id;
    if (memberId === undefined) {
      throw new ApiError(
        "conflict",
        "There is no owner yet: start the app once (npm start) so that it creates one",
      );
    }
    const customRoles = await findRolesByKeys(
      tx,
      customRoleKeys,
      "customRoleIds",
      principal ? { principal, held: [] } : undefined,
    );
    if (principal)
      assertCanGrant(principal, { role, customRoles: customRolePolicies(customRoles), inlineRole });

    const created = await tx.accessToken.create({
      data: {
        id,
        name: input.name,
        description: input.description ?? null,
        hashedValue: hashToken(value),
        ending,
        role,
        inlineRole: inlineRole ?? Prisma.DbNull,
        serviceToken,
        memberId,
        expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt),
        customRoles: { create: customRoles.map((customRole) => ({ customRoleId: customRole.id })) },
      },
      include: TOKEN_INCLUDE,
    });
    await recordAuditEntry(
      tx,
      principal,
      {
        kind: "token",
        name: created.name,
        description: `Created ${serviceToken ? "service" : "personal"} token ${created.name}${creator === "cli" ? " from the command line" : ""}`,
        action: "createAccessToken",
        target: tokenResource(created.memberId, created.id, created.serviceToken),
        current: tokenAuditVersion(created),
      },
      creator === "cli" ? "cli" : undefined,
    );
    return created;
  });
  return serializeToken(token, value);
}
