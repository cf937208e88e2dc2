import { createHash } from "node:crypto";

/** LaunchDarkly's Redis layout for big segments (what the server SDKs read). */
export function contextKeyHash(contextKey: string): string {
  return createHash("sha256").update(contextKey, "utf8").digest("base64");
}

export function includeSetKey(prefix: string, contextKey: string): string {
  return `${prefix}:big_segment_include:${contextKeyHash(contextKey)}`;
}

export function excludeSetKey(prefix: string, contextKey: string): string {
  return `${prefix}:big_segment_exclude:${contextKeyHash(contextKey)}`;
}

export function synchronizedOnKey(prefix: string): string {
  return `${prefix}:big_segments_synchronized_on`;
}

export function segmentRef(segmentKey: string, generation: number): string {
  return `${segmentKey}.g${generation}`;
}
