import type { NamedPolicy, Principal } from "@/lib/server/access/principal";

const EVERY_ENVIRONMENT_ROLES = new Set(["owner", "admin"]);

function holdsEveryEnvironmentRole(roles: readonly NamedPolicy[]): boolean {
  return roles.some((role) => role.kind === "built-in" && EVERY_ENVIRONMENT_ROLES.has(role.name));
}

/**
 * A refusal that named no existing environment belongs to none, so it is shown only to whoever sees every environment
 * and the account: the built-in owner and admin roles (a personal token only while its member holds one too). Custom
 * roles never do, whatever they allow, so nothing of one environment's traffic reaches a caller limited to another.
 */
export function canSeeUnresolvedRejectedPushes(principal: Principal): boolean {
  return (
    holdsEveryEnvironmentRole(principal.roles) &&
    (principal.boundedBy === null || holdsEveryEnvironmentRole(principal.boundedBy))
  );
}
