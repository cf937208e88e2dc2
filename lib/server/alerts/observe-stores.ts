import "server-only";
import type { EvaluatedRule, RuleObservations } from "@/lib/server/alerts/alert-observation";
import { prisma } from "@/lib/server/db";
import { getStoreStatus } from "@/lib/server/stores/get-store-status";

/**
 * store_unavailable: per enabled store, whether its status says unavailable or potentially stale (degraded included:
 * drift the store worker found and has not yet repaired and verified).
 */
export async function observeStores(rule: EvaluatedRule): Promise<RuleObservations> {
  const stores = await prisma.storeIntegration.findMany({
    where: { environmentId: rule.environmentId, on: true, retiredAt: null },
    select: {
      id: true,
      name: true,
      environmentId: true,
      on: true,
      outboxCursor: true,
      lastSyncAt: true,
      lastErrorAt: true,
      lastError: true,
      driftDetectedAt: true,
      driftReason: true,
    },
  });
  const observations = await Promise.all(
    stores.map(async (store) => {
      const status = await getStoreStatus(store);
      const problem = !status.available
        ? "unavailable"
        : status.degraded
          ? `degraded (${status.degraded.reason})`
          : status.potentiallyStale
            ? "potentially stale"
            : null;
      return {
        subject: `store:${store.id}`,
        firing: problem !== null,
        summary: `Store ${store.name} is ${problem ?? "available"}${status.errors?.[0] ? `: ${status.errors[0].message}` : ""}`,
      };
    }),
  );
  return { observations, complete: true };
}
