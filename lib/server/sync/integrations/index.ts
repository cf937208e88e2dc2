import { amplitude } from "@/lib/server/sync/integrations/amplitude";
import { censusSyncedSegments } from "@/lib/server/sync/integrations/census-synced-segments";
import { heapInbound } from "@/lib/server/sync/integrations/heap-inbound";
import { hightouch } from "@/lib/server/sync/integrations/hightouch";
import { rudderstack } from "@/lib/server/sync/integrations/rudderstack";
import { segmentAudiences } from "@/lib/server/sync/integrations/segment-audiences";
import { tealiumSyncedSegments } from "@/lib/server/sync/integrations/tealium-synced-segments";
import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";
import { zeotap } from "@/lib/server/sync/integrations/zeotap";

/** Every partner integration, keyed by the `{integrationKey}` of its endpoint. */
export const INTEGRATIONS = {
  amplitude,
  "segment-audiences": segmentAudiences,
  "census-synced-segments": censusSyncedSegments,
  rudderstack,
  "heap-inbound": heapInbound,
  hightouch,
  zeotap,
  "tealium-synced-segments": tealiumSyncedSegments,
} as const satisfies Readonly<Record<string, IntegrationDefinition>>;

export type IntegrationKey = keyof typeof INTEGRATIONS;

/** The integration for a path segment, or null when there is none. */
export function getIntegration(key: string): IntegrationDefinition | null {
  return isIntegrationKey(key) ? INTEGRATIONS[key] : null;
}

// `hasOwn`: the key comes from the URL, and `toString` or `__proto__` must not find an inherited property.
function isIntegrationKey(key: string): key is IntegrationKey {
  return Object.hasOwn(INTEGRATIONS, key);
}
