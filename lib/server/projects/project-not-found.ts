import { ApiError } from "@/lib/server/api/errors";

/** A missing project and one the caller may not view get this same error. */
export function projectNotFound(projectKey: string): ApiError {
  return new ApiError("not_found", `Project "${projectKey}" not found`);
}
