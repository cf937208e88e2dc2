"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/states";
import { ApiRequestError } from "@/lib/queries/api-client";
import {
  useCommitImport,
  useCreateImport,
  useDiscardImport,
  useInspectImport,
  useUploadImportChunk,
} from "@/lib/queries/imports";
import type { SegmentLocation } from "@/lib/queries/segment-members";
import type { ImportMode, ImportPreview, ImportSummary } from "@/lib/schemas/segment-import";
import { formatCount } from "../../../../activity/_components/format";
import { ConfirmReplaceDialog } from "./confirm-replace-dialog";
import { ImportSummaryView } from "./import-summary";
import { readCsvKeys } from "./read-csv-keys";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; progress: number; keys: number }
  | { kind: "confirming"; importId: string; preview: ImportPreview; keys: number }
  | { kind: "committing"; keys: number }
  | { kind: "done"; summary: ImportSummary }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown };

const MODES: { value: ImportMode; label: string; hint: string }[] = [
  { value: "merge", label: "Merge", hint: "Add the file's keys; keep every current member." },
  { value: "replace", label: "Replace", hint: "The file's keys become the members; others are removed." },
];

function UploadProgress({ progress, keys }: { progress: number; keys: number }) {
  const percent = Math.round(progress * 100);
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${formatCount(keys)} keys uploaded`}
        className="h-2 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {percent === 100 ? "Uploaded" : "Uploading…"} {percent}% · {formatCount(keys)} keys
      </p>
    </div>
  );
}

/**
 * CSV import for a segment that is not synced: the file is read and uploaded in chunks, then applied in one
 * transaction. A replace that removes more than half of the members asks for confirmation first.
 */
export function CsvImport({ location }: { location: SegmentLocation }) {
  const createImport = useCreateImport(location);
  const uploadChunk = useUploadImportChunk(location);
  const inspectImport = useInspectImport(location);
  const commitImport = useCommitImport(location);
  const discardImport = useDiscardImport(location);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const fileId = useId();
  const busy = phase.kind === "uploading" || phase.kind === "committing";

  async function commit(importId: string, confirm: boolean, keys: number) {
    setPhase({ kind: "committing", keys });
    try {
      const summary = await commitImport.mutateAsync({ importId, confirm });
      setPhase({ kind: "done", summary });
    } catch (error) {
      // Members changed since the preview and the server now wants a confirmation: ask with fresh numbers.
      if (error instanceof ApiRequestError && error.code === "conflict" && !confirm) {
        const inspected = await inspectImport.mutateAsync(importId).catch(() => null);
        if (inspected?.preview) {
          setPhase({ kind: "confirming", importId, preview: inspected.preview, keys });
          return;
        }
      }
      setPhase({ kind: "failed", error });
    }
  }

  async function run(file: File, mode: ImportMode) {
    setPhase({ kind: "uploading", progress: 0, keys: 0 });
    let importId: string | null = null;
    try {
      const created = await createImport.mutateAsync(mode);
      const id = created._id;
      importId = id;
      let uploaded = 0;
      const total = await readCsvKeys(file, async (batch) => {
        try {
          await uploadChunk.mutateAsync({ importId: id, keys: batch.keys, lines: batch.lines });
        } catch (error) {
          const message = error instanceof Error ? error.message : "upload failed";
          const first = batch.lines[0] ?? 0;
          const last = batch.lines[batch.lines.length - 1] ?? first;
          throw new Error(`Lines ${formatCount(first)}–${formatCount(last)}: ${message}`);
        }
        uploaded += batch.keys.length;
        setPhase({ kind: "uploading", progress: batch.progress, keys: uploaded });
      });
      if (total === 0) throw new Error("The file has no context keys in its first column");
      const inspected = await inspectImport.mutateAsync(id);
      // Committing nothing would be a merge that does nothing, or a replace that empties the segment.
      if (inspected.staged === 0) {
        throw new Error(
          `None of the file's ${formatCount(total)} rows is a valid context key (empty, over 512 characters or control characters)`,
        );
      }
      if (inspected.preview?.needsConfirmation) {
        setPhase({ kind: "confirming", importId: id, preview: inspected.preview, keys: total });
        return;
      }
      await commit(id, false, total);
    } catch (error) {
      if (importId !== null) discardImport.mutate(importId);
      setPhase({ kind: "failed", error });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const mode = form.get("mode") === "replace" ? "replace" : "merge";
    if (!(file instanceof File) || file.size === 0) {
      setPhase({ kind: "failed", error: new Error("Choose a CSV file with one context key per row") });
      return;
    }
    void run(file, mode);
  }

  return (
    <Card
      title="Import from CSV"
      description="One context key per row in the first column; a header row named key or context_key is skipped."
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} aria-label="Import members from CSV">
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium text-slate-700">
            CSV file
          </label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            disabled={busy}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
        <fieldset className="flex flex-col gap-2" disabled={busy}>
          <legend className="text-sm font-medium text-slate-700">Mode</legend>
          {MODES.map((mode) => (
            <label key={mode.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value={mode.value}
                defaultChecked={mode.value === "merge"}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{mode.label}</span>
                <span className="block text-xs text-slate-500">{mode.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? "Importing…" : "Import"}
          </Button>
        </div>
      </form>
      <div className="mt-4 flex flex-col gap-3" aria-live="polite">
        {phase.kind === "uploading" ? <UploadProgress progress={phase.progress} keys={phase.keys} /> : null}
        {phase.kind === "committing" ? (
          <>
            <UploadProgress progress={1} keys={phase.keys} />
            <p role="status" className="text-sm text-slate-600">
              Applying the import…
            </p>
          </>
        ) : null}
        {phase.kind === "done" ? <ImportSummaryView summary={phase.summary} /> : null}
        {phase.kind === "cancelled" ? (
          <p role="status" className="text-sm text-slate-600">
            Import cancelled; the segment was not changed.
          </p>
        ) : null}
        {phase.kind === "failed" ? <ErrorState error={phase.error} /> : null}
      </div>
      {phase.kind === "confirming" ? (
        <ConfirmReplaceDialog
          toRemove={phase.preview.toRemove}
          currentCount={phase.preview.currentCount}
          toAdd={phase.preview.toAdd}
          onConfirm={() => void commit(phase.importId, true, phase.keys)}
          onCancel={() => {
            discardImport.mutate(phase.importId);
            setPhase({ kind: "cancelled" });
          }}
        />
      ) : null}
    </Card>
  );
}
