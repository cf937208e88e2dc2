import { describe, expect, it } from "vitest";
import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { memberCountPoints } from "./member-count-chart";

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

describe("memberCountPoints", () => {
  it("orders runs oldest first, leaves out failed runs, and draws removals below zero", () => {
    expect(memberCountPoints([run(3, 8, 0, 2), run(2, null, 0, 0), run(1, 10, 10, 0)])).toEqual([
      { at: 1, members: 10, added: 10, removed: 0 },
      { at: 3, members: 8, added: 0, removed: -2 },
    ]);
  });
});
