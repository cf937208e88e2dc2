import { z } from "zod";

/** How old a synced segment's membership is: since the last sync run that applied to it (succeeded or partially applied). */
export const segmentDataAgeSchema = z
  .object({
    lastSuccessfulSyncAt: z.number().int().nullable().meta({
      description:
        "Epoch milliseconds of the last sync run that applied to the segment; null before the first",
    }),
    ageMs: z.number().int().nullable().meta({
      description: "Milliseconds from that sync to this answer, by the server's clock; null before the first",
    }),
  })
  .meta({
    id: "SegmentDataAge",
    description: "Tributary's addition: how old the segment's membership is (not in LaunchDarkly's shape)",
  });
export type SegmentDataAge = z.infer<typeof segmentDataAgeSchema>;

/** How old what SDKs read from a store is: since the worker last wrote its `synchronized_on` marker. */
export const storeDataAgeSchema = z
  .object({
    markerWrittenAt: z.number().int().nullable().meta({
      description:
        "Epoch milliseconds of the last time the worker caught the store up and wrote its synchronized_on marker; null before the first",
    }),
    markerAgeMs: z.number().int().nullable().meta({
      description:
        "Milliseconds from that marker to this answer, by the server's clock; null before the first",
    }),
  })
  .meta({
    id: "StoreDataAge",
    description:
      "Tributary's addition: the age of the synchronized_on marker SDKs read (they call the store stale after 120 s)",
  });
export type StoreDataAge = z.infer<typeof storeDataAgeSchema>;
