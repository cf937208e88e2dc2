import type { Principal } from "@/lib/server/access/principal";

/**
 * Whether the principal is this member acting in person: their session or one of their personal tokens. A service token
 * is not: it outlives its creator's access (and passes to the owner when its creator is deleted).
 */
export function isMemberInPerson(principal: Principal, memberId: string): boolean {
  return principal.member.id === memberId && principal.token?.serviceToken !== true;
}
