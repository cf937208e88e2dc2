import { describe, expect, it } from "vitest";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { segmentSizePoints } from "./segment-size-chart";

function run(
  startedAt: number,
  includedCountAfter: number | null,
  added: number,
  removed: number,
): SyncRunResponse {
  return {
    _id: String(startedAt),
    source: "amplitude",
    status: includedCountAfter === null ? "failed" : "succeeded",
    startedAt,
    durationMs: 5,
    token: null,
    member: null,
    segments: ["s"],
    counts: { received: added + removed, added, removed, unchanged: 0, skipped: 0 },
    skipped: [],
    skippedTruncated: false,
    error: null,
    includedCountAfter,
  };
}

describe("segmentSizePoints", () => {
  it("orders runs oldest first, leaves out failed runs, and draws removals below zero", () => {
    expect(segmentSizePoints([run(3, 8, 0, 2), run(2, null, 0, 0), run(1, 10, 10, 0)])).toEqual([
      { at: 1, included: 10, added: 10, removed: 0 },
      { at: 3, included: 8, added: 0, removed: -2 },
    ]);
  });
});
