import "server-only";
import { env } from "@/lib/env";

/**
 * Where links point: the configured public address (`NEXTAUTH_URL`, which `npm start` sets), else the origin the request
 * came to, so a link works from the browser that asked for it.
 */
export function linkBaseUrl(requestUrl: string): string {
  return env().NEXTAUTH_URL ?? new URL(requestUrl).origin;
}
