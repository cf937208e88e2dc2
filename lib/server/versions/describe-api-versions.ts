import type { ApiVersions } from "@/lib/schemas/api-versions";

/**
 * LaunchDarkly's REST API versions. Tributary serves every one of them the same way (its answers follow the latest);
 * the list exists because clients check their credentials with `GET /api/v2/versions` (Twilio Segment does).
 */
export const API_VERSIONS = [20191212, 20210729, 20220603, 20240415] as const;
const LATEST_VERSION = 20240415;

/** The answer of `GET /api/v2/versions` for a request that sent `versionHeader` as `LD-API-Version` (null: none). */
export function describeApiVersions(versionHeader: string | null): ApiVersions {
  const requested = Number(versionHeader?.trim());
  const valid = API_VERSIONS.find((version) => version === requested);
  return {
    validVersions: [...API_VERSIONS],
    latestVersion: LATEST_VERSION,
    currentVersion: valid ?? LATEST_VERSION,
    beta: versionHeader?.trim().toLowerCase() === "beta",
  };
}
