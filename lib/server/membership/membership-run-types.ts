// What the membership engine (apply-membership-changes.ts) takes and returns.

import type { AuditEntryData } from "@/lib/server/audit/audit-entry-data";
import type { SyncRunActor } from "@/lib/server/membership/sync-run-actor";

export type KeyListChange = {
  add?: readonly string[];
  remove?: readonly string[];
  /** Each list holds a key at most once and no key is in both (a partner push): the statement need not deduplicate. */
  distinct?: boolean;
};

/** `position`: where the entry was in its batch (1-based; a CSV import's spreadsheet line); absent in runs recorded before. */
export type SkippedEntry = { id: string; reason: string; position?: number };

export type SegmentMembershipChange = {
  segmentId: number;
  segmentKey: string;
  included?: KeyListChange;
  excluded?: KeyListChange;
  /** Member entries of the request attributed to this segment, valid or not. */
  received: number;
  /**
   * The segment's generation, when the caller already holds its row `FOR KEY SHARE` in this transaction (or created it):
   * the engine then need not lock and read it again.
   */
  lockedGeneration?: number;
  skipped: readonly SkippedEntry[];
};

export type MembershipRunInput = {
  environmentId: string;
  /** The integration key, or "contexts" / "import". */
  source: string;
  actor: SyncRunActor;
  startedAt: Date;
  changes: readonly SegmentMembershipChange[];
  /** Every member entry of the request, valid or not, including `unassignedSkipped`. */
  received: number;
  /** Skipped entries that belong to no segment (a mode A member without a usable cohort id). */
  unassignedSkipped?: readonly SkippedEntry[];
  /** The audit entry recording this run, written by the run's last statement (one round trip less per push). */
  audit?: (run: MembershipRunSummary) => AuditEntryData;
};

export type MembershipRunSummary = {
  syncRunId: string;
  status: "succeeded" | "partially_applied";
  counts: MembershipCounts;
};

export type MembershipCounts = {
  received: number;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
};

export type SegmentMembershipOutcome = {
  segmentId: number;
  segmentKey: string;
  added: number;
  removed: number;
  unchanged: number;
  skipped: number;
  includedCount: number;
  excludedCount: number;
};

export type MembershipRunOutcome = MembershipRunSummary & {
  segments: SegmentMembershipOutcome[];
  includedCountAfter: number;
};
