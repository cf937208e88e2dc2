import { env } from "@/lib/env";

export type SegmentLocation = { projectKey: string; environmentKey: string; segmentKey: string };

/** The segment's page in the dashboard: at `NEXTAUTH_URL` when set, else at the origin the request came to. */
export function segmentDashboardUrl(location: SegmentLocation, requestOrigin: string): string {
  const base = env().NEXTAUTH_URL ?? requestOrigin;
  const path = [location.projectKey, location.environmentKey, "segments", location.segmentKey].map(
    encodeURIComponent,
  );
  return new URL(`/${path.join("/")}`, base).toString();
}
