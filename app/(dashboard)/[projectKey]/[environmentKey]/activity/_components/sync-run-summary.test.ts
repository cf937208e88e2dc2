import { describe, expect, it } from "vitest";
import {
  countsCellText,
  groupSkippedByReason,
  positionText,
  runReason,
  skippedCsv,
} from "./sync-run-summary";

const counts = (
  over: Partial<Record<"received" | "added" | "removed" | "unchanged" | "skipped", number>>,
) => ({
  received: 0,
  added: 0,
  removed: 0,
  unchanged: 0,
  skipped: 0,
  ...over,
});

describe("countsCellText", () => {
  it("shows adds and removes, then skipped", () => {
    expect(countsCellText(counts({ added: 120, removed: 4, skipped: 3 }))).toBe("+120 −4 · 3 skipped");
    expect(countsCellText(counts({ added: 1200, removed: 0 }))).toBe("+1,200 −0");
  });
  it("says unchanged or no changes when nothing moved", () => {
    expect(countsCellText(counts({ unchanged: 7 }))).toBe("7 unchanged");
    expect(countsCellText(counts({}))).toBe("No changes");
    expect(countsCellText(counts({ received: 1 }))).toBe("No changes");
    expect(countsCellText(counts({ skipped: 2 }))).toBe("No changes · 2 skipped");
  });
  it("says a failed run was not applied, with what it was sent", () => {
    expect(countsCellText(counts({ received: 1200 }), "failed")).toBe("Not applied · 1,200 received");
    expect(countsCellText(counts({ added: 1 }), "succeeded")).toBe("+1 −0");
  });
});

describe("runReason", () => {
  it("is the error of a failed run", () => {
    const error = { code: "forbidden", message: "The token may not update segment x" };
    expect(runReason({ error, skipped: [], counts: counts({ received: 1 }) })).toBe(error.message);
    expect(runReason({ error: { code: "forbidden", message: "" }, skipped: [], counts: counts({}) })).toBe(
      "forbidden",
    );
  });
  it("names the main skip reason of a partial run, and none for a clean one", () => {
    const skipped = [
      { id: "", reason: "empty", position: 1 },
      { id: "a", reason: "contains control characters", position: 2 },
      { id: "", reason: "empty", position: 3 },
    ];
    expect(runReason({ error: null, skipped, counts: counts({ skipped: 3 }) })).toBe(
      "Skipped: empty and other reasons",
    );
    expect(runReason({ error: null, skipped: skipped.slice(0, 1), counts: counts({ skipped: 1 }) })).toBe(
      "Skipped: empty",
    );
    expect(runReason({ error: null, skipped: [], counts: counts({ skipped: 2 }) })).toBe("2 members skipped");
    expect(runReason({ error: null, skipped: [], counts: counts({ added: 2 }) })).toBeNull();
  });
});

describe("groupSkippedByReason", () => {
  it("groups by reason, largest first, entries in batch order", () => {
    const groups = groupSkippedByReason([
      { id: "x", reason: "not a string", position: 1 },
      { id: "", reason: "empty", position: 2 },
      { id: "", reason: "empty", position: 5 },
      { id: "y", reason: "not a string", position: 7 },
      { id: "z", reason: "missing id" },
      { id: "", reason: "empty", position: 9 },
    ]);
    expect(groups.map((group) => [group.reason, group.entries.map((entry) => entry.position)])).toEqual([
      ["empty", [2, 5, 9]],
      ["not a string", [1, 7]],
      ["missing id", [undefined]],
    ]);
    expect(groupSkippedByReason([])).toEqual([]);
  });
});

describe("positionText", () => {
  it("says when an old run kept no position", () => {
    expect(positionText({ id: "a", reason: "empty", position: 1234 })).toBe("position 1,234");
    expect(positionText({ id: "a", reason: "empty" })).toBe("position unknown");
  });
});

describe("skippedCsv", () => {
  it("writes a header and one row per entry, quoting and escaping formula cells", () => {
    expect(
      skippedCsv([
        { id: "a,b", reason: 'say "hi"', position: 3 },
        { id: "=SUM(A1)", reason: "empty" },
      ]),
    ).toBe('id,reason,position\r\n"a,b","say ""hi""",3\r\n\'=SUM(A1),empty,\r\n');
    expect(skippedCsv([])).toBe("id,reason,position\r\n");
  });
});
