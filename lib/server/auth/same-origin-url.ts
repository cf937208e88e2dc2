/**
 * `candidate` resolved against `origin` the way a browser resolves it (backslashes read as slashes, tabs and newlines
 * dropped), when it stays on that origin; otherwise null. Resolving first is what shows "/\evil.example" or
 * "/<tab>/evil.example" to be another host, which a prefix check on the raw text misses.
 */
export function sameOriginUrl(candidate: unknown, origin: string): URL | null {
  if (typeof candidate !== "string" || candidate.trim() === "") return null;
  try {
    const base = new URL(origin);
    const url = new URL(candidate, base);
    return url.origin === base.origin ? url : null;
  } catch {
    return null;
  }
}
