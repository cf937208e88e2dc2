import { ApiError } from "@/lib/server/api/errors";

/** A missing environment (or project) and one the caller may not see get this same error. */
export function environmentNotFound(projectKey: string, environmentKey: string): ApiError {
  return new ApiError("not_found", `Environment "${environmentKey}" not found in project "${projectKey}"`);
}
