/** A segment as the verifier sees it: its store ref and the sizes PostgreSQL keeps of its two lists. */
export type VerifySegment = {
  id: number;
  key: string;
  ref: string;
  includedCount: number;
  excludedCount: number;
};

/** What a check found: the segments that drifted, why (one line each), and the ones with entries PostgreSQL lacks. */
export type DriftReport = {
  segmentIds: Set<number>;
  reasons: string[];
  staleEntrySegmentIds: Set<number>;
  sampled: number;
};

export function emptyDriftReport(): DriftReport {
  return { segmentIds: new Set(), reasons: [], staleEntrySegmentIds: new Set(), sampled: 0 };
}
