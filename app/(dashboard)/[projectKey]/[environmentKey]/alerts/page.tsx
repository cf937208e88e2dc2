import { environmentNames } from "@/lib/dashboard/environment-names";
import { checkAccess } from "@/lib/server/access/check-access";
import { environmentResource } from "@/lib/server/access/resource-names";
import { loadEnvironmentPage } from "@/lib/server/dashboard/load-environment-page";
import { AlertsView } from "./alerts-view";

export const metadata = { title: "Alerts" };

export default async function AlertsPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string }>;
}) {
  const { projectKey, environmentKey } = await params;
  const { principal, environment } = await loadEnvironmentPage(projectKey, environmentKey);
  const resource = environmentResource(environment.project, environment);
  return (
    <AlertsView
      projectKey={projectKey}
      environmentKey={environmentKey}
      names={environmentNames(environment)}
      write={{ resource, decision: checkAccess(principal, "updateEnvironment", resource) }}
    />
  );
}
