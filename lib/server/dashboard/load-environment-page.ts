import "server-only";
import { cache } from "react";
import { requireSession } from "@/lib/server/auth/require-session";
import { notFoundWhenMissing } from "@/lib/server/dashboard/not-found-when-missing";
import { getVisibleEnvironmentOrThrow } from "@/lib/server/environments/get-visible-environment-or-throw";

/**
 * The environment (with its project) a page shows and the member looking, or the page's 404 when either is missing or
 * not visible to them (as the API answers). Cached per request: layout, page and title read the database once.
 */
export const loadEnvironmentPage = cache(async (projectKey: string, environmentKey: string) => {
  const principal = await requireSession();
  const environment = await getVisibleEnvironmentOrThrow(principal, projectKey, environmentKey).catch(
    notFoundWhenMissing,
  );
  return { principal, environment };
});
