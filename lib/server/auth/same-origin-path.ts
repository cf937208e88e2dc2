import { sameOriginUrl } from "@/lib/server/auth/same-origin-url";

/** A longer return path is not a link anyone followed: it goes to the fallback. */
export const MAX_RETURN_PATH_LENGTH = 2048;

/**
 * Where to send the browser after sign-in: `candidate` when it is a relative path on this origin ("/x", never "//x",
 * "/\x", "x" or an absolute URL, even one naming this origin), else `fallback`. Resolving it against `origin` the way a
 * browser does catches what a prefix check on the raw text misses (tabs and newlines dropped, backslashes read as
 * slashes). The path returned never starts with two slashes, which a browser would read as another host.
 */
export function sameOriginPath(candidate: unknown, origin: string, fallback: string): string {
  if (typeof candidate !== "string" || candidate.length > MAX_RETURN_PATH_LENGTH) return fallback;
  if (!candidate.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  const url = sameOriginUrl(candidate, origin);
  if (!url || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
