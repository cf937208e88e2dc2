import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  ImportMode,
  ImportSummary,
  SegmentImportResponse,
  SegmentImportWithPreview,
} from "@/lib/schemas/segment-import";
import { apiFetch } from "@/lib/queries/api-client";
import {
  segmentMemberKeys,
  segmentApiPath,
  segmentDetailKey,
  type SegmentLocation,
} from "@/lib/queries/segment-members";
import { syncRunKeys } from "@/lib/queries/sync-runs";

function importsPath(l: SegmentLocation, importId?: string): string {
  const base = `${segmentApiPath(l)}/imports`;
  return importId === undefined ? base : `${base}/${encodeURIComponent(importId)}`;
}

export function useCreateImport(l: SegmentLocation) {
  return useMutation({
    mutationFn: (mode: ImportMode) =>
      apiFetch<SegmentImportResponse>(importsPath(l), { method: "POST", body: JSON.stringify({ mode }) }),
  });
}

export function useUploadImportChunk(l: SegmentLocation) {
  return useMutation({
    mutationFn: ({ importId, keys, lines }: { importId: string; keys: string[]; lines: number[] }) =>
      apiFetch<SegmentImportResponse>(`${importsPath(l, importId)}/chunks`, {
        method: "POST",
        body: JSON.stringify({ keys, lines }),
      }),
  });
}

/** The staged import with what committing it would change; read once, right before the commit decision. */
export function useInspectImport(l: SegmentLocation) {
  return useMutation({
    mutationFn: (importId: string) => apiFetch<SegmentImportWithPreview>(importsPath(l, importId)),
  });
}

export function useCommitImport(l: SegmentLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, confirm }: { importId: string; confirm: boolean }) =>
      apiFetch<ImportSummary>(`${importsPath(l, importId)}/commit`, {
        method: "POST",
        body: JSON.stringify({ confirm }),
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentMemberKeys.segment(l) }),
        queryClient.invalidateQueries({ queryKey: segmentDetailKey(l) }),
        queryClient.invalidateQueries({ queryKey: syncRunKeys.segmentAll(l) }),
      ]),
  });
}

export function useDiscardImport(l: SegmentLocation) {
  return useMutation({
    mutationFn: (importId: string) => apiFetch<undefined>(importsPath(l, importId), { method: "DELETE" }),
  });
}
