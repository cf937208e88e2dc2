/** Names of the environment a page belongs to, for its breadcrumbs and title (keys alone say little to people). */
export type EnvironmentNames = {
  projectKey: string;
  projectName: string;
  environmentKey: string;
  environmentName: string;
};

export function environmentNames(environment: {
  key: string;
  name: string;
  project: { key: string; name: string };
}): EnvironmentNames {
  return {
    projectKey: environment.project.key,
    projectName: environment.project.name,
    environmentKey: environment.key,
    environmentName: environment.name,
  };
}
