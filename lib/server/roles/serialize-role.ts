import { policySchema } from "@/lib/schemas/policy";
import type { RoleResponse } from "@/lib/schemas/role";

type RoleRow = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  policy: unknown;
  createdAt: Date;
  updatedAt: Date;
};

// Policies are validated on write; one that no longer parses is shown as empty rather than failing the listing.
const storedPolicy = policySchema.catch([]);

export function serializeRole(role: RoleRow): RoleResponse {
  return {
    _id: role.id,
    key: role.key,
    name: role.name,
    // LaunchDarkly omits a missing description (its client's CustomRole model has no null).
    ...(role.description !== null && { description: role.description }),
    policy: storedPolicy.parse(role.policy),
    creationDate: role.createdAt.getTime(),
    lastModified: role.updatedAt.getTime(),
    _links: { self: { href: `/api/v2/roles/${encodeURIComponent(role.key)}`, type: "application/json" } },
  };
}
