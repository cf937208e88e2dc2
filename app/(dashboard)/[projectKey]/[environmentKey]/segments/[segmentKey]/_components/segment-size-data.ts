import { countAxis, type CountAxis } from "@/components/charts/count-axis";
import { timeAxis, type TimeAxis } from "@/components/charts/time-axis";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";

export type SegmentSizePoint = { at: number; included: number; added: number; removed: number };

export type SegmentSizeChartData = {
  /** The runs that changed the segment, oldest first. */
  points: SegmentSizePoint[];
  time: TimeAxis;
  members: CountAxis;
  totals: { added: number; removed: number };
};

/** The runs that left a member count, oldest first: failed runs changed nothing and have no count after. */
export function segmentSizePoints(runs: readonly SyncRunResponse[]): SegmentSizePoint[] {
  return runs
    .flatMap((run) =>
      run.includedCountAfter === null
        ? []
        : [
            {
              at: run.startedAt,
              included: run.includedCountAfter,
              added: run.counts.added,
              removed: run.counts.removed,
            },
          ],
    )
    .sort((a, b) => a.at - b.at);
}

/** Points and axes of the member count after each sync; null before the first sync that left a count. */
export function segmentSizeChartData(runs: readonly SyncRunResponse[]): SegmentSizeChartData | null {
  const points = segmentSizePoints(runs);
  if (points.length === 0) return null;
  return {
    points,
    time: timeAxis(points.map((point) => point.at)),
    members: countAxis(points.map((point) => point.included)),
    totals: {
      added: points.reduce((sum, point) => sum + point.added, 0),
      removed: points.reduce((sum, point) => sum + point.removed, 0),
    },
  };
}
