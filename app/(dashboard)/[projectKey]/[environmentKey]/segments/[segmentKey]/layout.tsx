import type { ReactNode } from "react";
import { requireSession } from "@/lib/server/auth/require-session";
import { SegmentHeader } from "./_components/segment-header";

export default async function SegmentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectKey: string; environmentKey: string; segmentKey: string }>;
}) {
  await requireSession();
  const location = await params;
  return (
    <div className="flex flex-col gap-5">
      <SegmentHeader {...location} />
      {children}
    </div>
  );
}
