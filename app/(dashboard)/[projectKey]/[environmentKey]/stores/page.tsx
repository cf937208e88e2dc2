import { checkAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { requireSession } from "@/lib/server/auth/require-session";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";
import { listStoreIntegrations } from "@/lib/server/stores/list-store-integrations";
import type { StorePermissions } from "./_components/store-permissions";
import { StoresView } from "./stores-view";

export const metadata = { title: "Persistent stores · Tributary" };

export default async function StoresPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string }>;
}) {
  const principal = await requireSession();
  const { projectKey, environmentKey } = await params;
  // Decides which controls the member may use; an environment it may not view gets none (the view shows the 404).
  const environment = await getVisibleEnvironmentOrThrow(principal, projectKey, environmentKey).catch(
    () => null,
  );
  let permissions: StorePermissions | null = null;
  if (environment !== null) {
    const createResource = storeIntegrationResource(environment.project, environment, "redis");
    const stores = await listStoreIntegrations(principal, environment.id);
    permissions = {
      environmentName: environment.name,
      create: {
        resource: createResource,
        decision: checkAccess(principal, "createIntegration", createResource),
      },
      stores: Object.fromEntries(
        stores.map((store) => {
          const resource = storeIntegrationResource(environment.project, environment, store._id);
          return [
            store._id,
            {
              resource,
              update: checkAccess(principal, "updateIntegration", resource),
              delete: checkAccess(principal, "deleteIntegration", resource),
            },
          ];
        }),
      ),
    };
  }
  return <StoresView projectKey={projectKey} environmentKey={environmentKey} permissions={permissions} />;
}
