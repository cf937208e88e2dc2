import { ApiError } from "@/lib/server/api/errors";

/**
 * Whichever part of a segment's path is missing (project, environment or segment), and for a segment the caller may
 * not see, the message is the same: it names only what the request named.
 */
export function segmentsNotFound(
  projectKey: string,
  environmentKey: string,
  segmentKeys: readonly string[],
): ApiError {
  const names = segmentKeys.map((key) => `"${key}"`).join(", ");
  return new ApiError(
    "not_found",
    `Segment${segmentKeys.length === 1 ? "" : "s"} ${names} not found in environment "${environmentKey}" of project "${projectKey}"`,
  );
}
