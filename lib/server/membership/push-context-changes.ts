import "server-only";
import type { MembershipChange } from "@/lib/schemas/membership";
import { ApiError } from "@/lib/server/api/errors";
import { assertActionsAllowed } from "@/lib/server/access/assert-access-or-hide";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { auditEntryData } from "@/lib/server/audit/audit-entry-data";
import {
  applyMembershipChanges,
  type MembershipRunOutcome,
} from "@/lib/server/membership/apply-membership-changes";
import type { MembershipSegment } from "@/lib/server/membership/get-membership-segment-or-throw";
import { recordFailedSyncRun } from "@/lib/server/membership/record-failed-sync-run";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";

export type ContextChangePush = {
  segment: MembershipSegment;
  /** null: the system (seed, test factories), which is not subject to policies. */
  principal: Principal | null;
  change: MembershipChange;
  /** "contexts" for the API; "import" for the system. */
  source: string;
};

function hasKeys(list: { add?: string[]; remove?: string[] } | undefined): boolean {
  return (list?.add?.length ?? 0) + (list?.remove?.length ?? 0) > 0;
}

/** The actions a change needs: `updateIncluded` for included keys (or for a change that names no keys at all). */
function requiredActions(change: MembershipChange): string[] {
  const actions: string[] = [];
  if (hasKeys(change.included) || !hasKeys(change.excluded)) actions.push("updateIncluded");
  if (hasKeys(change.excluded)) actions.push("updateExcluded");
  return actions;
}

/**
 * The generic membership push (api-contract §4): checks the policy, then applies included and excluded adds and removes to
 * one segment in one transaction with its sync run and audit entry. A refused push writes nothing but a failed sync run.
 */
export async function pushContextChanges(push: ContextChangePush): Promise<MembershipRunOutcome> {
  const { segment, principal, change, source } = push;
  const startedAt = new Date();
  const actor = syncRunActor(principal);
  const received = [
    change.included?.add,
    change.included?.remove,
    change.excluded?.add,
    change.excluded?.remove,
  ]
    .map((list) => list?.length ?? 0)
    .reduce((total, count) => total + count, 0);
  const resource = segmentResource(segment.project, segment.environment, segment);

  if (principal) {
    try {
      // The route has hidden the segment from callers with no access to it; a refusal to one who may not view it names
      // it without its tags.
      assertActionsAllowed(principal, { view: "viewSegment", actions: requiredActions(change), resource });
    } catch (error) {
      if (error instanceof ApiError) {
        await recordFailedSyncRun({
          environmentId: segment.environmentId,
          source,
          actor,
          startedAt,
          segmentKeys: [segment.key],
          segments: [{ id: segment.id, includedCount: segment.includedCount }],
          received,
          skipped: [],
          error,
        });
      }
      throw error;
    }
  }

  return runSqlTransaction(
    async (client) => {
      const outcome = await applyMembershipChanges(client, {
        environmentId: segment.environmentId,
        source,
        actor,
        startedAt,
        received,
        changes: [
          {
            segmentId: segment.id,
            segmentKey: segment.key,
            included: change.included,
            excluded: change.excluded,
            received,
            skipped: [],
          },
        ],
        audit: ({ syncRunId, status, counts }) =>
          auditEntryData(
            principal,
            {
              kind: "sync",
              name: segment.name,
              description: `Updated the members of segment ${segment.key}: ${counts.added} added, ${counts.removed} removed, ${counts.unchanged} unchanged`,
              action:
                hasKeys(change.excluded) && !hasKeys(change.included) ? "updateExcluded" : "updateIncluded",
              target: resource,
              current: { syncRunId, source, status, counts },
            },
            principal ? undefined : "system",
          ),
      });
      return outcome;
    },
    { keys: received },
  );
}
