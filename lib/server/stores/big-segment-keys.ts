import { hash } from "node:crypto";

/** LaunchDarkly's Redis layout for big segments (what the server SDKs read). */
export function contextKeyHash(contextKey: string): string {
  // The one-shot hash: several times cheaper than createHash for short inputs, and the worker hashes every changed key.
  return hash("sha256", contextKey, "base64");
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
