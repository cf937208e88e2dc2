import "server-only";
import { cache } from "react";
import { requireSession } from "@/lib/server/auth/require-session";
import { notFoundWhenMissing } from "@/lib/server/dashboard/not-found-when-missing";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";

/**
 * The segment (with its environment and project) a page shows and the member looking, or the page's 404 when any of
 * them is missing or not visible to them (as the API answers). Cached per request: layout, tabs and title share it.
 */
export const loadSegmentPage = cache(
  async (projectKey: string, environmentKey: string, segmentKey: string) => {
    const principal = await requireSession();
    const found = await getVisibleSegmentOrThrow(principal, projectKey, environmentKey, segmentKey).catch(
      notFoundWhenMissing,
    );
    return { principal, ...found };
  },
);
