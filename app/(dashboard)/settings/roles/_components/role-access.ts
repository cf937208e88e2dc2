import { accessResources } from "@/lib/queries/access-check";
import type { AccessCheckItem } from "@/lib/schemas/access-check";

/** The checks behind the page's buttons; the server page prefetches the answer under the same query key. */
export function roleAccessChecks(roleKeys: readonly string[]): AccessCheckItem[] {
  return [
    { action: "createRole", resource: accessResources.anyRole },
    ...roleKeys.flatMap((key) => [
      { action: "updateRole", resource: accessResources.role(key) },
      { action: "deleteRole", resource: accessResources.role(key) },
    ]),
  ];
}
