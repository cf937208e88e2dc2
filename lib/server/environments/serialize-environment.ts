import type { EnvironmentResponse } from "@/lib/schemas/environment";

type EnvironmentRow = { key: string; name: string; tags: string[]; clientSideId: string; createdAt: Date };

export function serializeEnvironment(projectKey: string, environment: EnvironmentRow): EnvironmentResponse {
  return {
    _id: environment.clientSideId,
    key: environment.key,
    name: environment.name,
    tags: environment.tags,
    clientSideId: environment.clientSideId,
    projectKey,
    creationDate: environment.createdAt.getTime(),
    _links: {
      self: {
        href: `/api/v2/projects/${encodeURIComponent(projectKey)}/environments/${encodeURIComponent(environment.key)}`,
        type: "application/json",
      },
    },
  };
}
