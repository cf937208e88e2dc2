import "server-only";
import { cache } from "react";
import { requireSession } from "@/lib/server/auth/require-session";
import { notFoundWhenMissing } from "@/lib/server/dashboard/not-found-when-missing";
import { getVisibleProjectOrThrow } from "@/lib/server/projects/get-visible-project-or-throw";

/**
 * The project a page shows and the member looking, or the page's 404 when it is missing or not visible to them (as the
 * API answers). Cached per request, so the page, its layout and its title read the database once.
 */
export const loadProjectPage = cache(async (projectKey: string) => {
  const principal = await requireSession();
  const project = await getVisibleProjectOrThrow(principal, projectKey).catch(notFoundWhenMissing);
  return { principal, project };
});
