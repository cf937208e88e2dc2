import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type {
  AccessCheckItem,
  AccessCheckRequest,
  AccessCheckResponse,
  AccessCheckResult,
} from "@/lib/schemas/access-check";
import { apiFetch } from "@/lib/queries/api-client";

export type AccessDecision = Pick<AccessCheckResult, "allowed" | "reason">;

/** Looks a decision up by what was asked; `undefined` while the answer is not in yet. */
export type AccessLookup = (action: string, resource: string) => AccessDecision | undefined;

export const accessCheckKeys = {
  all: ["access-check"] as const,
  own: (checks: readonly AccessCheckItem[]) =>
    [...accessCheckKeys.all, "own", checks.map((item) => `${item.action} ${item.resource}`)] as const,
};

/** Resource names in the policy grammar, as the API builds them for the objects these pages show. */
export const accessResources = {
  token: (token: { _id: string; memberId: string; serviceToken: boolean }) =>
    token.serviceToken ? `service-token/${token._id}` : `member/${token.memberId}:token/${token._id}`,
  anyServiceToken: "service-token/*",
  anyPersonalToken: (memberId: string) => `member/${memberId}:token/*`,
  role: (roleKey: string) => `role/${roleKey}`,
  anyRole: "role/*",
  member: (memberId: string) => `member/${memberId}`,
  anyMember: "member/*",
  account: "acct",
};

const UNCHECKED: AccessDecision = { allowed: true, reason: "access could not be checked; the API decides" };

function checkKey(action: string, resource: string): string {
  return `${action} ${resource}`;
}

export function fetchAccessChecks(request: AccessCheckRequest): Promise<AccessCheckResponse> {
  return apiFetch<AccessCheckResponse>("/api/v2/access/check", {
    method: "POST",
    body: JSON.stringify(request),
  });
}

/** A lookup over an answer, for pages that prefetch the checks on the server and for the hook below. */
export function toAccessLookup(response: AccessCheckResponse | undefined): AccessLookup {
  const decisions = new Map(
    (response?.results ?? []).map((result) => [checkKey(result.action, result.resource), result]),
  );
  return (action, resource) => decisions.get(checkKey(action, resource));
}

/**
 * The signed-in member's own access for the given checks, decided by the API's engine so that a button is greyed out
 * exactly when the API would refuse it. While the list changes, the previous answer stays until the new one arrives;
 * a check not answered yet looks up as `undefined`.
 */
export function useOwnAccess(checks: readonly AccessCheckItem[]) {
  const query = useQuery({
    queryKey: accessCheckKeys.own(checks),
    queryFn: () => fetchAccessChecks({ checks: [...checks] }),
    enabled: checks.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const known = toAccessLookup(query.data);
  // Greying out is a convenience: when the check itself fails, buttons stay usable and the API has the last word.
  const lookup: AccessLookup = (action, resource) =>
    known(action, resource) ?? (query.isError ? UNCHECKED : undefined);
  return { ...query, lookup };
}

/** Tests a policy that is being written (nothing is saved): the role editor's "test access" box. */
export function useCheckPolicyAccess() {
  return useMutation({
    mutationFn: (
      request: Required<Pick<AccessCheckRequest, "policy" | "checks">> & { policyName?: string },
    ) => fetchAccessChecks(request),
  });
}
