import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { environmentResource, segmentResource } from "@/lib/server/access/resource-names";
import { auditEntryData } from "@/lib/server/audit/audit-entry-data";
import {
  applyMembershipChanges,
  type MembershipRunOutcome,
  type MembershipRunSummary,
} from "@/lib/server/membership/apply-membership-changes";
import { recordFailedSyncRun } from "@/lib/server/membership/record-failed-sync-run";
import { runSqlTransaction } from "@/lib/server/transactions/run-sql-transaction";
import { syncRunActor } from "@/lib/server/membership/sync-run-actor";
import {
  findEnvironmentByClientSideId,
  type PartnerEnvironment,
} from "@/lib/server/sync/find-environment-by-client-side-id";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { parsePartnerPayload, type ParsedPartnerPush } from "@/lib/server/sync/parse-partner-payload";
import { attachPartnerFailureContext } from "@/lib/server/sync/partner-failure-context";
import { PartnerPayloadError } from "@/lib/server/sync/partner-payload-error";
import {
  resolveCohortSegments,
  type CohortSegment,
  type CohortSegmentPlan,
} from "@/lib/server/sync/resolve-cohort-segments";
import { segmentDashboardUrl } from "@/lib/server/sync/segment-dashboard-url";

export type PartnerPush = {
  definition: IntegrationDefinition;
  body: unknown;
  /** null: the system (seed), which is not subject to policies. */
  principal: Principal | null;
  /** Where the request came in, for the segment's dashboard URL in a failure body (Heap); absent for the seed. */
  requestOrigin?: string;
};

export type PartnerPushResult = {
  projectKey: string;
  environmentKey: string;
  segments: { key: string; created: boolean }[];
  outcome: MembershipRunOutcome;
};

function parse(definition: IntegrationDefinition, body: unknown): ParsedPartnerPush {
  try {
    return parsePartnerPayload(definition, body);
  } catch (error) {
    if (error instanceof PartnerPayloadError) throw new ApiError("invalid_request", error.message);
    throw error;
  }
}

function describe(definition: IntegrationDefinition, segments: CohortSegment[], run: MembershipRunSummary) {
  const { added, removed, unchanged, skipped } = run.counts;
  const parts = [
    `${definition.name} sync of ${segments.map((segment) => segment.segmentKey).join(", ")}: ` +
      `${added} added, ${removed} removed, ${unchanged} unchanged, ${skipped} skipped`,
  ];
  for (const segment of segments) {
    if (segment.created) parts.push(`created segment ${segment.segmentKey}`);
    if (segment.renamedFrom !== null) {
      parts.push(
        `renamed segment ${segment.segmentKey} from "${segment.renamedFrom}" to "${segment.segmentName}"`,
      );
    }
  }
  return parts.join("; ");
}

function auditTarget(environment: PartnerEnvironment, segments: CohortSegment[]): string {
  const [only] = segments;
  return segments.length === 1 && only
    ? segmentResource(environment.project, environment, { key: only.segmentKey, tags: only.tags })
    : environmentResource(environment.project, environment);
}

/**
 * The partner endpoint's work (api-contract §3): parse the tool's body, find the environment, then in one transaction find
 * or create each cohort's segment, check the policy, apply the membership changes, and write the sync run and one audit
 * entry. Members are visible to lookups as soon as this returns. A refused push writes only a failed sync run.
 */
export async function pushSegmentTargets(request: PartnerPush): Promise<PartnerPushResult> {
  const { definition, principal } = request;
  const startedAt = new Date();
  const push = parse(definition, request.body);
  const environment = await findEnvironmentByClientSideId(push.environmentId);
  const actor = syncRunActor(principal);
  const skipped = [...push.skippedWithoutCohort, ...push.cohorts.flatMap((cohort) => cohort.skipped)];
  const planned: { current: CohortSegmentPlan | null } = { current: null };

  try {
    return await runSqlTransaction(
      async (client) => {
        planned.current = null;
        const segments = await resolveCohortSegments(client, {
          integrationKey: definition.key,
          environment,
          push,
          principal,
          onPlanned: (plan) => {
            planned.current = plan;
          },
        });
        const [first] = segments;
        const outcome = await applyMembershipChanges(client, {
          environmentId: environment.id,
          source: definition.key,
          actor,
          startedAt,
          received: push.received,
          unassignedSkipped: push.skippedWithoutCohort,
          changes: segments.map((segment) => ({
            segmentId: segment.segmentId,
            segmentKey: segment.segmentKey,
            included: { add: segment.cohort.add, remove: segment.cohort.remove, distinct: true },
            received: segment.cohort.received,
            skipped: segment.cohort.skipped,
            lockedGeneration: segment.generation,
          })),
          audit: (run) =>
            auditEntryData(
              principal,
              {
                kind: "sync",
                name: segments.length === 1 && first ? first.segmentName : `${segments.length} segments`,
                description: describe(definition, segments, run),
                action: segments.some((segment) => segment.created) ? "createSegment" : "updateIncluded",
                target: auditTarget(environment, segments),
                current: {
                  syncRunId: run.syncRunId,
                  source: definition.key,
                  status: run.status,
                  segments: segments.map((segment) => segment.segmentKey),
                  counts: run.counts,
                },
              },
              principal ? undefined : "system",
            ),
        });
        return {
          projectKey: environment.project.key,
          environmentKey: environment.key,
          segments: segments.map((segment) => ({ key: segment.segmentKey, created: segment.created })),
          outcome,
        };
      },
      { keys: push.received },
    );
  } catch (error) {
    const plan = planned.current;
    if (error instanceof ApiError) {
      // A segment that exists (a refused creation leaves none to link to) of a push of one cohort (Heap has no other
      // kind): several would not fit a body with one segment id.
      const segmentKey =
        plan?.segmentKeys.length === 1 && plan.existing.length === 1 ? plan.segmentKeys[0] : undefined;
      const location = { projectKey: environment.project.key, environmentKey: environment.key };
      attachPartnerFailureContext(error, {
        ...location,
        ...(segmentKey !== undefined && {
          segmentKey,
          ...(request.requestOrigin !== undefined && {
            segmentUrl: segmentDashboardUrl({ ...location, segmentKey }, request.requestOrigin),
          }),
        }),
      });
    }
    if (
      plan &&
      error instanceof ApiError &&
      (error.code === "forbidden" || error.code === "invalid_request")
    ) {
      await recordFailedSyncRun({
        environmentId: environment.id,
        source: definition.key,
        actor,
        startedAt,
        segmentKeys: plan.segmentKeys,
        segments: plan.existing,
        received: push.received,
        skipped,
        error,
      });
    }
    throw error;
  }
}
