import { requireSession } from "@/lib/server/auth/require-session";
import { HistoryView } from "./history-view";

export const metadata = { title: "History" };

export default async function SegmentHistoryPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string; segmentKey: string }>;
}) {
  await requireSession();
  return <HistoryView {...await params} />;
}
