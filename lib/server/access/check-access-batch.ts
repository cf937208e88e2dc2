import type { AccessCheckRequest, AccessCheckResponse } from "@/lib/schemas/access-check";
import { checkAccess } from "@/lib/server/access/check-access";
import { evaluateAccess } from "@/lib/server/access/policy";
import type { Principal } from "@/lib/server/access/principal";

const DEFAULT_POLICY_NAME = "policy";

/**
 * Answers each check with the same engine the API enforces: against `policy` when given (a role being edited, so its
 * author can test it before saving), otherwise against the caller's own access, a personal token bounded by its member
 * (so the dashboard greys out exactly what the API would refuse). Pure: nothing is read or written.
 */
export function checkAccessBatch(principal: Principal, request: AccessCheckRequest): AccessCheckResponse {
  const { policy } = request;
  const decide =
    policy === undefined
      ? (action: string, resource: string) => checkAccess(principal, action, resource)
      : (action: string, resource: string) =>
          evaluateAccess([{ name: request.policyName ?? DEFAULT_POLICY_NAME, policy }], action, resource);
  return {
    results: request.checks.map(({ action, resource }) => {
      const { allowed, reason } = decide(action, resource);
      return { action, resource, allowed, reason };
    }),
  };
}
