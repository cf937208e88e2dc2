import { requireSession } from "@/lib/server/auth/require-session";
import { OverviewView } from "./overview-view";

export default async function SegmentOverviewPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string; segmentKey: string }>;
}) {
  await requireSession();
  const location = await params;
  return <OverviewView {...location} />;
}
