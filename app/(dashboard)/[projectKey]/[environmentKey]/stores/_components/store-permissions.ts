import type { PermissionCheck } from "@/components/permission-notice";
import type { AccessDecision } from "@/lib/queries/access-check";

/** What the member may do with this environment's stores, decided on the server with each store's resource name. */
export type StorePermissions = {
  environmentName: string;
  create: { resource: string; decision: AccessDecision };
  stores: Record<string, { resource: string; update: AccessDecision; delete: AccessDecision }>;
};

/** A store added after the page was decided: the buttons stay usable and the API decides. */
export const UNDECIDED: AccessDecision = {
  allowed: true,
  reason: "access could not be checked; the API decides",
};

export const STORE_PERMISSION_NOTICE_ID = "store-permissions";

export function storePermissionChecks(permissions: StorePermissions | null): PermissionCheck[] {
  if (permissions === null) return [];
  return [
    { action: "createIntegration", ...permissions.create },
    ...Object.values(permissions.stores).flatMap(({ resource, update, delete: remove }) => [
      { action: "updateIntegration", resource, decision: update },
      { action: "deleteIntegration", resource, decision: remove },
    ]),
  ];
}
