import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { parseResource } from "@/lib/server/access/resource";

/** The view action of a resource, by the type of its last part. */
const VIEW_ACTIONS: Readonly<Record<string, string>> = {
  proj: "viewProject",
  env: "viewEnvironment",
  segment: "viewSegment",
  integration: "viewIntegration",
  token: "viewAccessToken",
  "service-token": "viewAccessToken",
  member: "viewMember",
  role: "viewRole",
  acct: "viewAuditLog",
};

/**
 * Whether an audit entry about `target` may be shown to a caller whose roles are limited: it may view the target itself.
 * A target outside the resource grammar (an old or hand-written entry) is shown only to callers who view everything.
 */
export function mayViewAuditTarget(principal: Principal, target: string): boolean {
  const parsed = parseResource(target);
  const last = parsed.ok ? parsed.value.parts.at(-1) : undefined;
  const action = last === undefined ? undefined : VIEW_ACTIONS[last.type];
  return action !== undefined && checkAccess(principal, action, target).allowed;
}
