import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { evaluateAccess } from "@/lib/server/access/policy";

export type AccessDecision = { allowed: boolean; reason: string };

/** Decides one action on one resource for a principal; a personal token needs its member's access as well. */
export function checkAccess(principal: Principal, action: string, resource: string): AccessDecision {
  const own = evaluateAccess(principal.roles, action, resource);
  if (!own.allowed) return { allowed: false, reason: own.reason };
  if (principal.boundedBy) {
    const member = evaluateAccess(principal.boundedBy, action, resource);
    if (!member.allowed) return { allowed: false, reason: `the token's member may not: ${member.reason}` };
  }
  return { allowed: true, reason: own.reason };
}

export function assertAccess(principal: Principal, action: string, resource: string): void {
  const decision = checkAccess(principal, action, resource);
  if (!decision.allowed) {
    throw new ApiError(
      "forbidden",
      `Access denied: ${action} on ${resource} is not allowed (${decision.reason})`,
    );
  }
}
