import type { ProjectRepResponse, ProjectResponse } from "@/lib/schemas/project";
import { serializeEnvironment } from "@/lib/server/environments/serialize-environment";

type ProjectRow = {
  id: string;
  key: string;
  name: string;
  tags: string[];
  createdAt: Date;
  environments: { key: string; name: string; tags: string[]; clientSideId: string; createdAt: Date }[];
};

export function serializeProject(project: ProjectRow): ProjectResponse {
  const self = `/api/v2/projects/${encodeURIComponent(project.key)}`;
  return {
    _id: project.id,
    key: project.key,
    name: project.name,
    tags: project.tags,
    creationDate: project.createdAt.getTime(),
    includeInSnippetByDefault: false,
    environments: {
      items: project.environments.map((environment) => serializeEnvironment(project.key, environment)),
      totalCount: project.environments.length,
      _links: { self: { href: `${self}/environments`, type: "application/json" } },
    },
    _links: { self: { href: self, type: "application/json" } },
  };
}

/** A project as LaunchDarkly answers its creation (`ProjectRep`): the environments as an array. */
export function serializeProjectRep(project: ProjectRow): ProjectRepResponse {
  const { environments, ...rest } = serializeProject(project);
  return { ...rest, environments: environments.items };
}
