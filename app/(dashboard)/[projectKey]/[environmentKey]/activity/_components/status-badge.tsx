import type { SyncRunStatus } from "@/lib/schemas/sync-run";

export const STATUS_LABELS: Readonly<Record<SyncRunStatus, string>> = {
  succeeded: "Succeeded",
  partially_applied: "Partially applied",
  failed: "Failed",
};

const STATUS_CLASSES: Readonly<Record<SyncRunStatus, string>> = {
  succeeded: "bg-green-100 text-green-800",
  partially_applied: "bg-amber-100 text-amber-800",
  failed: "bg-red-100 text-red-800",
};

export const SYNC_STATUSES = Object.keys(STATUS_LABELS) as SyncRunStatus[];

export function isSyncStatus(value: string): value is SyncRunStatus {
  return Object.hasOwn(STATUS_LABELS, value);
}

export function StatusBadge({ status }: { status: SyncRunStatus }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
