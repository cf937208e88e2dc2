import {
  DEFAULT_ENVIRONMENT_COLOR,
  SDK_KEY_PLACEHOLDER,
  type EnvironmentResponse,
} from "@/lib/schemas/environment";

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
    // Required by LaunchDarkly's Environment model; Tributary has no such settings (see the schema's descriptions).
    apiKey: SDK_KEY_PLACEHOLDER,
    mobileKey: SDK_KEY_PLACEHOLDER,
    color: DEFAULT_ENVIRONMENT_COLOR,
    defaultTtl: 0,
    secureMode: false,
    defaultTrackEvents: false,
    requireComments: false,
    confirmChanges: false,
    critical: false,
    _links: {
      self: {
        href: `/api/v2/projects/${encodeURIComponent(projectKey)}/environments/${encodeURIComponent(environment.key)}`,
        type: "application/json",
      },
    },
  };
}
