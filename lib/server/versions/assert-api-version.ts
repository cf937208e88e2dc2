import { ApiError } from "@/lib/server/api/errors";
import { API_VERSIONS } from "@/lib/server/versions/describe-api-versions";

/**
 * An `LD-API-Version` header must name one of LaunchDarkly's published REST API versions or `beta` (which LaunchDarkly's
 * beta resources require); no header is the latest. An unknown value is a 400, as LaunchDarkly answers it, rather than a
 * silent answer in a shape the client did not ask for.
 */
export function assertApiVersion(versionHeader: string | null): void {
  if (versionHeader === null) return;
  const value = versionHeader.trim();
  if (value.toLowerCase() === "beta") return;
  if (/^\d{8}$/.test(value) && API_VERSIONS.some((version) => version === Number(value))) return;
  throw new ApiError(
    "invalid_request",
    `Invalid LD-API-Version "${value.slice(0, 32)}": use beta or one of ${API_VERSIONS.join(", ")}`,
  );
}
