import { checkAccess } from "@/lib/server/access/check-access";
import { segmentResource } from "@/lib/server/access/resource-names";
import { requireSession } from "@/lib/server/auth/require-session";
import { getVisibleSegmentOrThrow } from "@/lib/server/segments/get-visible-segment-or-throw";
import { SettingsView, type SettingsPermissions } from "./settings-view";

export const metadata = { title: "Settings" };

type Params = { projectKey: string; environmentKey: string; segmentKey: string };

export default async function SegmentSettingsPage({ params }: { params: Promise<Params> }) {
  const principal = await requireSession();
  const location = await params;
  // The layout put the segment in the page's cache; this only decides which controls the member may use. The reasons
  // name the segment's tags, so a segment the member may not view gets none.
  const found = await getVisibleSegmentOrThrow(
    principal,
    location.projectKey,
    location.environmentKey,
    location.segmentKey,
  ).catch(() => null);
  let permissions: SettingsPermissions | null = null;
  if (found !== null) {
    const resource = segmentResource(found.environment.project, found.environment, found.segment);
    permissions = {
      resource,
      name: checkAccess(principal, "updateName", resource),
      description: checkAccess(principal, "updateDescription", resource),
      tags: checkAccess(principal, "updateTags", resource),
      delete: checkAccess(principal, "deleteSegment", resource),
      environmentName: found.environment.name,
    };
  }
  return <SettingsView {...location} permissions={permissions} />;
}
