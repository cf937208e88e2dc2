/**
 * The cohorts and context keys of a partner load, and the bodies that carry them. Keys are derived from an index (never
 * held as a list), so ten million of them cost no memory here.
 */
import { buildPartnerPayloads } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS, type IntegrationKey } from "@/lib/server/sync/integrations";

/** One synced segment of the load: the cohort of a tool. Heap's cohort ids are numbers. */
export type CohortTarget = { integration: IntegrationKey; cohortId: string | number; cohortName: string };

/** `count` cohorts over every integration in turn (ten: amplitude and segment-audiences twice). */
export function mixedCohorts(tag: string, count: number): CohortTarget[] {
  const integrations = Object.keys(INTEGRATIONS) as IntegrationKey[];
  return Array.from({ length: count }, (_, index) => {
    const integration = integrations[index % integrations.length] ?? "amplitude";
    const cohortId = integration === "heap-inbound" ? 700_000 + index : `${tag}-cohort-${index + 1}`;
    return { integration, cohortId, cohortName: `${tag} cohort ${index + 1}` };
  });
}

/** A bijective 32-bit mix (lowbias32), so keys look random and sort in no particular order. */
function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex8 = (value: number) => value.toString(16).padStart(8, "0");

/** The context key with this index: distinct for distinct indexes (the index is part of it), about 30 characters. */
export function contextKey(tag: string, index: number): string {
  return `${tag}-${hex8(mix32(index))}${hex8(mix32(index ^ 0x5bd1e995))}-${index.toString(36)}`;
}

export function keyRange(tag: string, start: number, size: number): string[] {
  return Array.from({ length: size }, (_, offset) => contextKey(tag, start + offset));
}

/** The request body a tool sends to add or remove these keys in its cohort, in the tool's own shape. */
export function partnerBody(
  target: CohortTarget,
  clientSideId: string,
  op: "add" | "remove",
  keys: readonly string[],
): unknown {
  const cohort = { environmentId: clientSideId, cohortId: target.cohortId, cohortName: target.cohortName };
  const changes = op === "add" ? { add: keys } : { add: [], remove: keys };
  const [body] = buildPartnerPayloads(INTEGRATIONS[target.integration], cohort, changes);
  if (body === undefined) throw new Error("a push needs at least one key");
  return body;
}
