import { isIP } from "node:net";

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/**
 * The client's address from X-Forwarded-For, to which the web server (lib/server/http/proxy-to-next.ts) appends its TCP peer, as every
 * proxy does: the entry `trustedProxies` places from the right is the last one no client could have written. Anything
 * that is not an IP address counts as "unknown" (one shared bucket), so a forged header cannot mint fresh addresses.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  const candidate = hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? "";
  const address = IPV4_MAPPED.exec(candidate)?.[1] ?? candidate;
  return isIP(address) === 0 ? "unknown" : address.toLowerCase();
}
