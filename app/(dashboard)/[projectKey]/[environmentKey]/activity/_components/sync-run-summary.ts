import type { SyncRunResponse } from "@/lib/schemas/sync-run";
import { escapeCsvContextKey } from "@/lib/csv/context-key-escaping";
import { formatCount } from "./format";

type Counts = SyncRunResponse["counts"];
type Skipped = SyncRunResponse["skipped"][number];

/**
 * The one counts cell of a run's row: "+120 −4 · 3 skipped"; unchanged members only when nothing else happened; a
 * failed run changed nothing, so it says what it was refused with.
 */
export function countsCellText(counts: Counts, status?: SyncRunResponse["status"]): string {
  if (status === "failed") return `Not applied · ${formatCount(counts.received)} received`;
  const parts: string[] = [];
  if (counts.added > 0 || counts.removed > 0) {
    parts.push(`+${formatCount(counts.added)} −${formatCount(counts.removed)}`);
  } else if (counts.unchanged > 0) {
    parts.push(`${formatCount(counts.unchanged)} unchanged`);
  } else {
    parts.push("No changes");
  }
  if (counts.skipped > 0) parts.push(`${formatCount(counts.skipped)} skipped`);
  return parts.join(" · ");
}

/** Why a run did not apply fully, for its row: the error of a failed run, else the most common skip reason. */
export function runReason(run: Pick<SyncRunResponse, "error" | "skipped" | "counts">): string | null {
  if (run.error) return run.error.message === "" ? run.error.code : run.error.message;
  if (run.counts.skipped === 0) return null;
  const [first] = groupSkippedByReason(run.skipped);
  if (first === undefined) return `${formatCount(run.counts.skipped)} members skipped`;
  return run.skipped.length === first.entries.length
    ? `Skipped: ${first.reason}`
    : `Skipped: ${first.reason} and other reasons`;
}

export type SkippedGroup = { reason: string; entries: Skipped[] };

/** Skipped members grouped by reason, the largest group first (ties in first-seen order); entries keep batch order. */
export function groupSkippedByReason(skipped: readonly Skipped[]): SkippedGroup[] {
  const groups = new Map<string, Skipped[]>();
  for (const entry of skipped) {
    const group = groups.get(entry.reason);
    if (group) group.push(entry);
    else groups.set(entry.reason, [entry]);
  }
  return Array.from(groups, ([reason, entries]) => ({ reason, entries })).sort(
    (a, b) => b.entries.length - a.entries.length,
  );
}

/** "position 12", or "position unknown" for runs recorded before positions were kept. */
export function positionText(entry: Skipped): string {
  return entry.position === undefined ? "position unknown" : `position ${formatCount(entry.position)}`;
}

/** RFC 4180 field, escaped against formula injection the way the members export escapes keys. */
function csvField(value: string): string {
  const safe = escapeCsvContextKey(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The run's recorded skipped members as CSV (id, reason, position), built in the browser from the run's data. */
export function skippedCsv(skipped: readonly Skipped[]): string {
  const rows = skipped.map((entry) =>
    [
      csvField(entry.id),
      csvField(entry.reason),
      entry.position === undefined ? "" : String(entry.position),
    ].join(","),
  );
  return ["id,reason,position", ...rows].join("\r\n") + "\r\n";
}
