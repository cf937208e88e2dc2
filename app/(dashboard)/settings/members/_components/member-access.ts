import { accessResources } from "@/lib/queries/access-check";
import type { AccessCheckItem } from "@/lib/schemas/access-check";

/** The checks behind the page's buttons; the server page prefetches the answer under the same query key. */
export function memberAccessChecks(memberIds: readonly string[]): AccessCheckItem[] {
  return [
    { action: "createMember", resource: accessResources.anyMember },
    ...memberIds.flatMap((id) => [
      { action: "createMember", resource: accessResources.member(id) },
      { action: "updateMemberRole", resource: accessResources.member(id) },
      { action: "deleteMember", resource: accessResources.member(id) },
    ]),
  ];
}
