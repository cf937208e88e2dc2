import type { Metadata } from "next";
import { environmentNames } from "@/lib/dashboard/environment-names";
import { pageTitle } from "@/lib/dashboard/page-title";
import { checkAccess } from "@/lib/server/access/check-access";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { loadEnvironmentPage } from "@/lib/server/dashboard/load-environment-page";
import { listStoreIntegrations } from "@/lib/server/stores/list-store-integrations";
import type { StorePermissions } from "./_components/store-permissions";
import { StoresView } from "./stores-view";

type Params = { projectKey: string; environmentKey: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { projectKey, environmentKey } = await params;
  const { environment } = await loadEnvironmentPage(projectKey, environmentKey);
  return { title: pageTitle("Persistent stores", environment.name, environment.project.name) };
}

export default async function StoresPage({ params }: { params: Promise<Params> }) {
  const { projectKey, environmentKey } = await params;
  // The environment layout already answered 404 for an environment the member may not view.
  const { principal, environment } = await loadEnvironmentPage(projectKey, environmentKey);
  const createResource = storeIntegrationResource(environment.project, environment, "redis");
  const stores = await listStoreIntegrations(principal, environment.id);
  // Decides which controls the member may use, with each store's resource name.
  const permissions: StorePermissions = {
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
  return (
    <StoresView
      projectKey={projectKey}
      environmentKey={environmentKey}
      permissions={permissions}
      names={environmentNames(environment)}
    />
  );
}
