import type { Principal } from "@/lib/server/access/principal";

/** Who may continue an import: the token that started it, or the member whose session did. */
export function importOwner(principal: Principal): string {
  return principal.token ? `token:${principal.token.id}` : `member:${principal.member.id}`;
}
