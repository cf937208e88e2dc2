import type { ReactNode } from "react";
import { loadEnvironmentPage } from "@/lib/server/dashboard/load-environment-page";

/** Every page of an environment is a 404 (the not-found page, nothing of the environment) when the API would answer 404. */
export default async function EnvironmentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectKey: string; environmentKey: string }>;
}) {
  const { projectKey, environmentKey } = await params;
  await loadEnvironmentPage(projectKey, environmentKey);
  return children;
}
