import { Badge } from "@/components/ui/badge";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";

/** A backlog older than this means the worker is not keeping up (or not running). */
export const BACKLOG_WARNING_MS = 120_000;

/** The store's state in the dashboard's badge vocabulary: Off, Available or Unavailable, plus what needs attention. */
export function StatusBadges({ store }: { store: StoreIntegrationResponse }) {
  const status = store._status;
  const backlogOld = (status.backlog.oldestAgeMs ?? 0) > BACKLOG_WARNING_MS;
  return (
    <div className="flex flex-wrap gap-1.5" data-testid="store-status">
      {!store.on ? <Badge>Off</Badge> : null}
      {store.on && status.available ? <Badge tone="success">Available</Badge> : null}
      {store.on && !status.available ? <Badge tone="danger">Unavailable</Badge> : null}
      {store.on && status.potentiallyStale ? <Badge tone="warning">Potentially stale</Badge> : null}
      {backlogOld ? (
        <span role="status">
          <Badge tone="warning">Backlog older than 2 minutes</Badge>
        </span>
      ) : null}
    </div>
  );
}
