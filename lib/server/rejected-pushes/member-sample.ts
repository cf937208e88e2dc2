import {
  MEMBER_SAMPLE_ID_LENGTH,
  MEMBER_SAMPLE_SIZE,
} from "@/lib/server/rejected-pushes/rejected-push-limits";

/** The first few member ids of a refused request, each cut short: enough to recognise a batch, never the batch. */
export function memberSample(lists: readonly (Iterable<unknown> | undefined)[]): string[] {
  const sample: string[] = [];
  for (const ids of lists) {
    for (const id of ids ?? []) {
      if (sample.length >= MEMBER_SAMPLE_SIZE) return sample;
      if (typeof id === "string" || typeof id === "number") {
        sample.push(String(id).slice(0, MEMBER_SAMPLE_ID_LENGTH));
      }
    }
  }
  return sample;
}
