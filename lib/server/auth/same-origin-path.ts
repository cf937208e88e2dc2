import { sameOriginUrl } from "@/lib/server/auth/same-origin-url";

/**
 * Where to send the browser after sign-in, as a path on this origin: `candidate` when it stays on `origin`, else
 * `fallback`. The path never starts with two slashes, which a browser would read as another host.
 */
export function sameOriginPath(candidate: unknown, origin: string, fallback: string): string {
  const url = sameOriginUrl(candidate, origin);
  if (!url) return fallback;
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
