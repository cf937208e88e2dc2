import { z } from "zod";

export const MAX_SYNC_STATS_HOURS = 168;

const requiredKey = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, `${name} is required`);

export const syncStatsQuerySchema = z.object({
  projectKey: requiredKey("projectKey"),
  environmentKey: requiredKey("environmentKey"),
  hours: z.coerce.number().int().min(1).max(MAX_SYNC_STATS_HOURS).default(48),
});
export type SyncStatsQuery = z.infer<typeof syncStatsQuerySchema>;

export const syncStatsHourSchema = z
  .object({
    hour: z.number().int().meta({ description: "Start of the hour (UTC), epoch milliseconds" }),
    pushes: z.number().int().meta({ description: "Sync runs started in the hour" }),
    members: z.number().int().meta({ description: "Member entries those runs received" }),
    failures: z.number().int().meta({ description: "Runs that failed" }),
  })
  .meta({ id: "SyncStatsHour" });
export type SyncStatsHour = z.infer<typeof syncStatsHourSchema>;

export const syncStatsSchema = z
  .object({
    items: z.array(syncStatsHourSchema).meta({ description: "Oldest hour first, every hour present" }),
  })
  .meta({ id: "SyncStats" });
export type SyncStats = z.infer<typeof syncStatsSchema>;
